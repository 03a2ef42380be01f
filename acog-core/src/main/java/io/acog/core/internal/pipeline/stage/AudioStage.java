package io.acog.core.internal.pipeline.stage;

import io.acog.core.asset.AssetType;
import io.acog.core.asset.AudioMetadata;
import io.acog.core.asset.NewAsset;
import io.acog.core.channel.Channel;
import io.acog.core.episode.ScriptSegment;
import io.acog.core.episode.SpeakingRate;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.EpisodeColumns;
import io.acog.core.internal.timeline.TimelineCodec;
import io.acog.core.internal.timeline.TimelinePlanner;
import io.acog.spi.Provider;
import io.acog.spi.Timeline;
import io.acog.spi.Usage;
import io.acog.spi.VoiceSynthesizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Audio: the channel's voice provider speaks the script's spoken segments; the speech becomes the
 * episode's primary audio asset, and its timings the episode's timeline ({@code episodes.timeline}),
 * which the b-roll clips, the renders and the assembly follow.
 */
final class AudioStage implements Stage {

    private final Providers providers;

    AudioStage(Providers providers) {
        this.providers = providers;
    }

    @Override
    public Set<EpisodeField> reads() {
        return EnumSet.of(EpisodeField.SCRIPT);
    }

    @Override
    public Provider provider(StageWork work) {
        return providers.voice(work.channel().voiceProfile().provider());
    }

    @Override
    public StageResult run(StageWork work) {
        Channel channel = work.channel();
        VoiceSynthesizer voice = providers.voice(channel.voiceProfile().provider());
        List<ScriptSegment> segments = work.script().segments();
        List<VoiceSynthesizer.Line> spoken = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).text().isBlank()) {
                spoken.add(new VoiceSynthesizer.Line(i, segments.get(i).text()));
            }
        }
        int wordsPerMinute = SpeakingRate.wordsPerMinute(channel.styleGuide());
        VoiceSynthesizer.Speech speech = Answers.required(
                voice.name(),
                "speech",
                voice.synthesize(
                        new VoiceSynthesizer.SpeechRequest(work.brief(), spoken, wordsPerMinute), work.call()));
        Timeline timeline;
        try {
            timeline = TimelinePlanner.plan(segments, speech, wordsPerMinute);
        } catch (IllegalArgumentException e) {
            throw StageFailedException.retryable(
                    voice.name() + "'s speech cannot be laid on a timeline: " + e.getMessage());
        }
        StoredMedia.Kept uri = StoredMedia.store(
                work.call().storage(),
                voice.name(),
                work.episodeId(),
                "audio/" + StoredMedia.fileName(speech.audio()),
                speech.audio());
        Usage usage = Usages.of(speech.usage());
        AudioMetadata metadata = new AudioMetadata(
                StoredMedia.seconds(timeline.durationMs()),
                StoredMedia.extension(speech.audio()),
                null,
                null,
                JsonCodec.object(channel.voiceProfile().settings()),
                Usages.cents(usage),
                usage.characters() == null ? null : Math.toIntExact(usage.characters()),
                null);
        return new StageResult.Output(
                        Usages.details(voice.name(), null, usage).withJobId(speech.providerJobId()),
                        Usages.completion(
                                Map.of("uri", uri.uri().toString(), "duration_ms", timeline.durationMs()), usage))
                .with(new NewAsset(
                        work.episodeId(),
                        AssetType.AUDIO,
                        uri.uri().toString(),
                        "voice",
                        voice.name(),
                        speech.providerJobId(),
                        metadata,
                        speech.audio().mimeType(),
                        uri.size(),
                        StoredMedia.millis(timeline.durationMs()),
                        true))
                .with(EpisodeColumns.timeline(TimelineCodec.write(timeline)))
                .plannedFrom(work.episode().script()); // the b-roll clips it lets start come from it
    }
}
