package io.acog.core.internal.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SegmentKind;
import io.acog.spi.Media;
import io.acog.spi.Timeline;
import io.acog.spi.VoiceSynthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the timeline over many generated scripts and speeches: with and without the
 * provider's timings, with pauses and overlaps between lines, with segments that speak nothing.
 */
class TimelinePlannerTest {

    private static final String[] WORDS = {
        "money",
        "grows",
        "slowly,",
        "then",
        "all",
        "at",
        "once.",
        "Compound",
        "interest",
        "is",
        "patient",
        "—",
        "and",
        "so",
        "are",
        "you!",
        "Why?",
        "Because",
        "time",
        "does",
        "the",
        "work;",
        "index",
        "funds",
        "3.5%"
    };
    private static final Media AUDIO = Media.ofBytes("voice.wav", "audio/wav", new byte[0]);

    @Test
    void cutsCoverTheNarrationAndCaptionsFollowTheWordsForAnyScript() {
        Random random = new Random(20261206);
        for (int run = 0; run < 3000; run++) {
            List<ScriptSegment> segments = script(random);
            Speech generated = speech(random, segments);
            Timeline timeline = TimelinePlanner.plan(segments, generated.speech(), 150);

            String context = "run " + run + ": " + segments + " / " + generated.speech();
            assertCovers(timeline, context);
            assertSources(timeline, segments, context);
            assertCaptions(timeline, segments, context);
            if (generated.timedWithoutOverlap()) {
                assertLinesInsideTheirCuts(timeline, generated.speech(), context);
            }
        }
    }

    @Test
    void withoutTimingsTheNarrationIsSpreadByTheWords() {
        List<ScriptSegment> segments =
                List.of(segment(SegmentKind.AVATAR, "one two three four"), segment(SegmentKind.VOICEOVER, "five six"));
        Timeline timeline =
                TimelinePlanner.plan(segments, new VoiceSynthesizer.Speech(AUDIO, 6000, List.of(), null, null), 150);

        assertThat(timeline.durationMs()).isEqualTo(6000);
        assertThat(timeline.cuts().get(0).endMs()).isBetween(3600L, 4400L); // 4 of 6 words, by letters
        assertThat(timeline.cuts().get(1).source()).isEqualTo(Timeline.Source.STILL);
    }

    @Test
    void aSpeechOfUnknownLengthRunsAsTheWordsAtTheChannelsRate() {
        List<ScriptSegment> segments = List.of(segment(SegmentKind.AVATAR, "one two three four five six seven eight"));
        Timeline timeline =
                TimelinePlanner.plan(segments, new VoiceSynthesizer.Speech(AUDIO, 0, List.of(), null, null), 120);

        assertThat(timeline.durationMs()).isEqualTo(4000); // 8 words at 120 a minute
    }

    @Test
    void aPauseBetweenLinesIsSplitAtItsMiddle() {
        List<ScriptSegment> segments =
                List.of(segment(SegmentKind.AVATAR, "hello there"), segment(SegmentKind.BROLL, "look at this"));
        VoiceSynthesizer.Speech speech = new VoiceSynthesizer.Speech(
                AUDIO,
                5000,
                List.of(
                        new VoiceSynthesizer.LineTiming(0, 100, 1900, List.of()),
                        new VoiceSynthesizer.LineTiming(1, 2500, 4800, List.of())),
                null,
                null);

        Timeline timeline = TimelinePlanner.plan(segments, speech, 150);

        assertThat(timeline.cuts())
                .extracting(Timeline.Cut::startMs, Timeline.Cut::endMs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, 2200L),
                        org.assertj.core.groups.Tuple.tuple(2200L, 5000L));
        assertThat(timeline.cuts().get(1).clipIndex()).isZero();
    }

    private static void assertCovers(Timeline timeline, String context) {
        long at = 0;
        for (Timeline.Cut cut : timeline.cuts()) {
            assertThat(cut.startMs()).as(context).isEqualTo(at);
            assertThat(cut.endMs()).as(context).isGreaterThanOrEqualTo(cut.startMs());
            at = cut.endMs();
        }
        assertThat(at).as(context).isEqualTo(timeline.durationMs());
    }

    private static void assertSources(Timeline timeline, List<ScriptSegment> segments, String context) {
        assertThat(timeline.cuts()).as(context).hasSameSizeAs(segments);
        int clip = 0;
        long avatarOffset = 0;
        for (int i = 0; i < segments.size(); i++) {
            Timeline.Cut cut = timeline.cuts().get(i);
            assertThat(cut.segment()).as(context).isEqualTo(i);
            switch (segments.get(i).kind()) {
                case AVATAR -> {
                    assertThat(cut.source()).as(context).isEqualTo(Timeline.Source.AVATAR);
                    assertThat(cut.sourceOffsetMs()).as(context).isEqualTo(avatarOffset);
                    avatarOffset += cut.lengthMs();
                }
                case BROLL -> {
                    assertThat(cut.source()).as(context).isEqualTo(Timeline.Source.BROLL);
                    assertThat(cut.clipIndex()).as(context).isEqualTo(clip++);
                }
                case VOICEOVER -> assertThat(cut.source()).as(context).isEqualTo(Timeline.Source.STILL);
            }
            boolean noneSpeaks = segments.stream()
                    .allMatch(segment -> TimelinePlanner.wordsOf(segment.text()).isEmpty());
            if (segments.get(i).text().isBlank() && !(noneSpeaks && i == segments.size() - 1)) {
                assertThat(cut.lengthMs()).as(context).isZero(); // when none speaks, the last covers all
            }
        }
    }

    private static void assertCaptions(Timeline timeline, List<ScriptSegment> segments, String context) {
        long shown = 0;
        List<String> captioned = new ArrayList<>();
        for (Timeline.Caption caption : timeline.captions()) {
            assertThat(caption.startMs()).as(context).isGreaterThanOrEqualTo(shown);
            assertThat(caption.endMs()).as(context).isGreaterThan(caption.startMs());
            assertThat(caption.endMs()).as(context).isLessThanOrEqualTo(timeline.durationMs());
            shown = caption.endMs();
            captioned.addAll(List.of(caption.text().split(" ")));
        }
        List<String> spoken = new ArrayList<>();
        for (ScriptSegment segment : segments) {
            for (String word : TimelinePlanner.wordsOf(segment.text())) {
                spoken.addAll(List.of(word.split(" ")));
            }
        }
        // every word spoken is shown, in order, once
        if (timeline.durationMs() > 0) {
            assertThat(captioned).as(context).isEqualTo(spoken);
        }
    }

    private static void assertLinesInsideTheirCuts(Timeline timeline, VoiceSynthesizer.Speech speech, String context) {
        for (VoiceSynthesizer.LineTiming line : speech.timings()) {
            Timeline.Cut cut = timeline.cuts().get(line.segment());
            assertThat(cut.startMs()).as(context).isLessThanOrEqualTo(line.startMs());
            assertThat(cut.endMs()).as(context).isGreaterThanOrEqualTo(Math.min(line.endMs(), timeline.durationMs()));
        }
    }

    private static List<ScriptSegment> script(Random random) {
        List<ScriptSegment> segments = new ArrayList<>();
        int count = 1 + random.nextInt(12);
        for (int i = 0; i < count; i++) {
            SegmentKind kind = SegmentKind.values()[random.nextInt(SegmentKind.values().length)];
            int words = kind == SegmentKind.BROLL && random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(25);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < words; w++) {
                text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            segments.add(segment(kind, text.toString().strip()));
        }
        return segments;
    }

    private record Speech(VoiceSynthesizer.Speech speech, boolean timedWithoutOverlap) {}

    /** A speech: untimed, timed with pauses, with overlapping lines, or with word timings. */
    private static Speech speech(Random random, List<ScriptSegment> segments) {
        int style = random.nextInt(4);
        List<VoiceSynthesizer.LineTiming> timings = new ArrayList<>();
        long at = random.nextInt(400);
        boolean overlaps = false;
        for (int i = 0; i < segments.size(); i++) {
            List<String> words = TimelinePlanner.wordsOf(segments.get(i).text());
            if (words.isEmpty()) {
                continue;
            }
            long start = at;
            List<VoiceSynthesizer.WordTiming> timed = new ArrayList<>();
            for (String word : words) {
                long length = 40 + random.nextInt(500);
                if (style == 3) {
                    timed.add(new VoiceSynthesizer.WordTiming(word, at, at + length));
                }
                at += length + random.nextInt(120);
            }
            timings.add(new VoiceSynthesizer.LineTiming(i, start, at, timed));
            long pause = random.nextInt(900) - (style == 2 ? 300 : 0);
            overlaps |= pause < 0;
            at = Math.max(0, at + pause);
        }
        long tail = random.nextInt(3) == 0 ? 0 : random.nextInt(1500);
        long duration = random.nextInt(5) == 0 ? 0 : at + tail;
        if (style == 0) {
            return new Speech(new VoiceSynthesizer.Speech(AUDIO, duration, List.of(), null, null), false);
        }
        return new Speech(new VoiceSynthesizer.Speech(AUDIO, duration, timings, null, null), !overlaps);
    }

    private static ScriptSegment segment(SegmentKind kind, String text) {
        return new ScriptSegment(kind, text, kind == SegmentKind.BROLL ? "a view" : null, 1, 1);
    }
}
