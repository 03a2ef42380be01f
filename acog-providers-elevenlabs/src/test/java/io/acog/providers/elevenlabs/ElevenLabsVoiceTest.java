package io.acog.providers.elevenlabs;

import static io.acog.providers.elevenlabs.Voices.VOICE_ID;
import static io.acog.providers.elevenlabs.Voices.request;
import static io.acog.providers.elevenlabs.Voices.voice;
import static io.acog.providers.elevenlabs.Voices.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.acog.providers.http.JsonBodies;
import io.acog.spi.FileMedia;
import io.acog.spi.ProviderException;
import io.acog.spi.ProviderException.Reason;
import io.acog.spi.VoiceSynthesizer;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.LineTiming;
import io.acog.spi.VoiceSynthesizer.Speech;
import io.acog.spi.VoiceSynthesizer.SpeechRequest;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ElevenLabsVoiceTest {

    // 25 + 2 + 31 = 58 characters: the first two lines make one request of at most 60, the third another
    private static final Line FIRST = new Line(0, "Most people never budget.");
    private static final Line SECOND = new Line(2, "They guess, and guessing costs.");
    private static final Line THIRD = new Line(3, "Write every expense down for a month.");
    private static final String FIRST_REQUEST = FIRST.text() + "\n\n" + SECOND.text();

    private FakeElevenLabs fake;

    @BeforeEach
    void start() {
        fake = new FakeElevenLabs();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aScriptThatFitsIsSpokenInOneRequestWithEachLineAndWordTimed() throws IOException {
        fake.speaking();
        SpeechRequest request = request(FIRST, SECOND);

        Speech speech = voice(fake).synthesize(request, TestProviderCall.forStage("audio"));

        String text = request.text();
        long duration = FakeElevenLabs.duration(text);
        int secondAt = FIRST.text().length() + 2;
        assertThat(speech.timings())
                .containsExactly(
                        new LineTiming(
                                0,
                                0,
                                FakeElevenLabs.times(text)[1][FIRST.text().length() - 1],
                                words(text, 0, FIRST.text(), 0)),
                        new LineTiming(
                                2,
                                FakeElevenLabs.times(text)[0][secondAt],
                                duration,
                                words(text, secondAt, SECOND.text(), 0)));
        assertThat(speech.timings().get(1).words())
                .extracting(VoiceSynthesizer.WordTiming::word)
                .containsExactly("They", "guess,", "and", "guessing", "costs.");
        assertThat(speech.durationMs()).isEqualTo(duration);
        assertThat(speech.providerJobId()).isEqualTo("req-1");
        assertThat(speech.audio().fileName()).isEqualTo("voice.mp3");
        assertThat(speech.audio().mimeType()).isEqualTo("audio/mpeg");
        assertThat(bytes(speech)).hasSize((int) (duration * 16)).containsOnly(1);

        LoggedRequest sent = fake.speechRequests().get(0);
        assertThat(sent.getUrl())
                .isEqualTo("/v1/text-to-speech/" + VOICE_ID
                        + "/with-timestamps?output_format=mp3_44100_128&enable_logging=true");
        assertThat(sent.getHeader("xi-api-key")).isEqualTo(FakeElevenLabs.API_KEY);
        JsonNode body = fake.speechBodies().get(0);
        assertThat(body.get("text").asText()).isEqualTo(text);
        assertThat(body.get("model_id").asText()).isEqualTo("eleven_multilingual_v2");
        assertThat(body.has("previous_request_ids")).isFalse();
        assertThat(body.has("previous_text")).isFalse();
        assertThat(body.has("next_text")).isFalse();
        assertThat(body.has("voice_settings")).isFalse();
        assertThat(body.has("seed")).isFalse();
    }

    @Test
    void usageIsTheCharacterCostHeaderPricedPerThousand() {
        fake.speaking();
        SpeechRequest request = request(FIRST, SECOND);

        Speech speech = voice(fake, Map.of("elevenlabs.price-per-1k-characters", "0.24"))
                .synthesize(request, TestProviderCall.forStage("audio"));

        long characters = request.text().length();
        assertThat(speech.usage().characters()).isEqualTo(characters);
        assertThat(speech.usage().credits()).isEqualByComparingTo(BigDecimal.valueOf(characters));
        assertThat(speech.usage().costUsd())
                .isEqualByComparingTo(new BigDecimal("0.24")
                        .multiply(BigDecimal.valueOf(characters))
                        .movePointLeft(3)
                        .setScale(4, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void withoutACharacterCostHeaderUsageCountsTheCharactersSent() {
        fake.speaking(Map.of("noCost", true));

        Speech speech = voice(fake).synthesize(request(FIRST, SECOND), TestProviderCall.forStage("audio"));

        assertThat(speech.usage().characters()).isEqualTo(FIRST_REQUEST.length());
    }

    @Test
    void theChannelsProfileChoosesTheModelVoiceSettingsAndSeed() throws IOException {
        fake.speaking();
        Map<String, Object> profile = Map.of(
                "provider",
                "elevenlabs",
                "voice_id",
                "21m00Tcm4TlvDq8ikWAM",
                "model",
                "eleven_turbo_v2_5",
                "seed",
                42,
                "settings",
                Map.of(
                        "stability", new BigDecimal("0.4"),
                        "similarity_boost", 0.8,
                        "style", new BigDecimal("0.15"),
                        "use_speaker_boost", true,
                        "speed", new BigDecimal("1.1")));

        voice(fake).synthesize(request(profile, FIRST), TestProviderCall.forStage("audio"));

        assertThat(fake.speechRequests().get(0).getUrl()).startsWith("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/");
        JsonNode body = fake.speechBodies().get(0);
        assertThat(body.get("model_id").asText()).isEqualTo("eleven_turbo_v2_5");
        assertThat(body.get("seed").asLong()).isEqualTo(42);
        assertThat(body.get("voice_settings"))
                .isEqualTo(JsonBodies.MAPPER.readTree("{\"stability\":0.4,\"similarity_boost\":0.8,\"style\":0.15,"
                        + "\"speed\":1.1,\"use_speaker_boost\":true}"));
    }

    @Test
    void voiceSettingsAtTheProfilesTopLevelCountWhereSettingsLacksThem() throws IOException {
        fake.speaking();
        // the schema's column comment describes voice_profile as provider, voice_id, stability, similarity_boost
        Map<String, Object> profile = Map.of(
                "provider",
                "elevenlabs",
                "voice_id",
                VOICE_ID,
                "stability",
                0.35,
                "similarity_boost",
                "0.9",
                "settings",
                Map.of("stability", 0.6));

        voice(fake).synthesize(request(profile, FIRST), TestProviderCall.forStage("audio"));

        assertThat(fake.speechBodies().get(0).get("voice_settings"))
                .isEqualTo(JsonBodies.MAPPER.readTree("{\"stability\":0.6,\"similarity_boost\":0.9}"));
    }

    @Test
    void withoutAVoiceInTheProfileTheConfiguredOneSpeaksAndTheConfiguredModel() {
        fake.speaking();

        voice(fake, Map.of("elevenlabs.voice-id", "defaultVoice01", "elevenlabs.model", "eleven_flash_v2_5"))
                .synthesize(request(Map.of("provider", "elevenlabs"), FIRST), TestProviderCall.forStage("audio"));

        assertThat(fake.speechRequests().get(0).getUrl()).startsWith("/v1/text-to-speech/defaultVoice01/");
        assertThat(fake.speechBodies().get(0).get("model_id").asText()).isEqualTo("eleven_flash_v2_5");
    }

    @Test
    void withoutAnyVoiceTheCallFailsPermanentlyNamingTheProfileKeyAndSendsNothing() {
        fake.speaking();

        assertThatThrownBy(() -> voice(fake)
                        .synthesize(
                                request(Map.of("provider", "elevenlabs"), FIRST), TestProviderCall.forStage("audio")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_REQUEST);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("voice_profile.voice_id", "elevenlabs.voice-id");
                });
        assertThat(fake.speechRequests()).isEmpty();
    }

    @Test
    void aSettingOfTheWrongTypeInTheProfileFailsNamingIt() {
        fake.speaking();
        Map<String, Object> profile = Map.of("voice_id", VOICE_ID, "settings", Map.of("stability", "steady"));

        assertThatThrownBy(() -> voice(fake).synthesize(request(profile, FIRST), TestProviderCall.forStage("audio")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("voice_profile.settings.stability", "steady");
                });
    }

    @Test
    void aLongScriptIsSpokenInPartsStitchedByRequestIdAndTheSecondPartsTimesFollowTheFirst() throws IOException {
        fake.speaking();
        TestProviderCall call = TestProviderCall.forStage("audio");

        Speech speech =
                voice(fake, Map.of("elevenlabs.max-characters", "60")).synthesize(request(FIRST, SECOND, THIRD), call);

        List<JsonNode> bodies = fake.speechBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).get("text").asText()).isEqualTo(FIRST_REQUEST);
        assertThat(bodies.get(0).has("previous_request_ids")).isFalse();
        assertThat(bodies.get(0).has("previous_text")).isFalse();
        assertThat(bodies.get(0).get("next_text").asText()).isEqualTo(THIRD.text());
        assertThat(bodies.get(1).get("text").asText()).isEqualTo(THIRD.text());
        assertThat(bodies.get(1).get("previous_request_ids")).isEqualTo(JsonBodies.MAPPER.readTree("[\"req-1\"]"));
        assertThat(bodies.get(1).get("previous_text").asText()).isEqualTo(FIRST_REQUEST);
        assertThat(bodies.get(1).has("next_text")).isFalse();

        long firstPart = FakeElevenLabs.duration(FIRST_REQUEST);
        long secondPart = FakeElevenLabs.duration(THIRD.text());
        assertThat(speech.timings()).hasSize(3);
        assertThat(speech.timings().get(2))
                .isEqualTo(new LineTiming(
                        3, firstPart, firstPart + secondPart, words(THIRD.text(), 0, THIRD.text(), firstPart)));
        assertThat(speech.timings().get(2).words().get(0).startMs()).isEqualTo(firstPart);
        assertThat(speech.timings().get(1).words())
                .isEqualTo(words(FIRST_REQUEST, FIRST.text().length() + 2, SECOND.text(), 0));
        assertThat(speech.durationMs()).isEqualTo(firstPart + secondPart);
        assertThat(speech.providerJobId()).isEqualTo("req-1,req-2");
        assertThat(speech.usage().characters())
                .isEqualTo(FIRST_REQUEST.length() + THIRD.text().length());
        assertThat(call.progress()).containsExactly(0.5, 1.0);

        byte[] audio = bytes(speech);
        assertThat(audio).hasSize((int) ((firstPart + secondPart) * 16));
        assertThat(audio[0]).isEqualTo((byte) 1);
        assertThat(audio[(int) (firstPart * 16) - 1]).isEqualTo((byte) 1);
        assertThat(audio[(int) (firstPart * 16)]).isEqualTo((byte) 2);
        assertThat(audio[audio.length - 1]).isEqualTo((byte) 2);
    }

    @Test
    void eachPartCarriesTheRequestIdsOfAtMostTheThreeBeforeIt() throws IOException {
        fake.speaking();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(new Line(i, "Line number " + i + " is long enough to fill its own part."));
        }

        Speech speech = voice(fake, Map.of("elevenlabs.max-characters", "60"))
                .synthesize(
                        new SpeechRequest(Voices.channel(Map.of("voice_id", VOICE_ID)), lines, 150),
                        TestProviderCall.forStage("audio"));

        List<JsonNode> bodies = fake.speechBodies();
        assertThat(bodies).hasSize(5);
        assertThat(bodies.get(2).get("previous_request_ids"))
                .isEqualTo(JsonBodies.MAPPER.readTree("[\"req-1\",\"req-2\"]"));
        assertThat(bodies.get(4).get("previous_request_ids"))
                .isEqualTo(JsonBodies.MAPPER.readTree("[\"req-2\",\"req-3\",\"req-4\"]"));
        assertThat(speech.providerJobId()).isEqualTo("req-1,req-2,req-3,req-4,req-5");
        long before = 0;
        for (int i = 0; i < 5; i++) {
            String text = lines.get(i).text();
            assertThat(speech.timings().get(i))
                    .isEqualTo(new LineTiming(
                            i, before, before + FakeElevenLabs.duration(text), words(text, 0, text, before)));
            before += FakeElevenLabs.duration(text);
        }
    }

    @Test
    void aLineLongerThanTheLimitIsCutAtASentenceAndStillTimedAsOneLine() {
        fake.speaking();
        String line = "Saving is simple. Spending less than you earn is the whole trick. Start today.";

        Speech speech = voice(fake, Map.of("elevenlabs.max-characters", "60"))
                .synthesize(request(new Line(0, line)), TestProviderCall.forStage("audio"));

        List<JsonNode> bodies = fake.speechBodies();
        assertThat(bodies)
                .extracting(body -> body.get("text").asText())
                .containsExactly("Saving is simple.", "Spending less than you earn is the whole trick. Start today.");
        long firstPart = FakeElevenLabs.duration("Saving is simple.");
        String rest = "Spending less than you earn is the whole trick. Start today.";
        List<VoiceSynthesizer.WordTiming> expected =
                new ArrayList<>(words("Saving is simple.", 0, "Saving is simple.", 0));
        expected.addAll(words(rest, 0, rest, firstPart));
        assertThat(speech.timings())
                .containsExactly(new LineTiming(0, 0, firstPart + FakeElevenLabs.duration(rest), expected));
    }

    @Test
    void withZeroRetentionThePartsGoWithTheirNeighboursTextButNoRequestIds() {
        fake.speaking();

        voice(fake, Map.of("elevenlabs.max-characters", "60", "elevenlabs.enable-logging", "false"))
                .synthesize(request(FIRST, SECOND, THIRD), TestProviderCall.forStage("audio"));

        assertThat(fake.speechRequests())
                .allSatisfy(sent -> assertThat(sent.getUrl()).endsWith("&enable_logging=false"));
        JsonNode second = fake.speechBodies().get(1);
        assertThat(second.has("previous_request_ids")).isFalse();
        assertThat(second.get("previous_text").asText()).isEqualTo(FIRST_REQUEST);
    }

    @Test
    void elevenV3IsNotStitchedByRequestId() {
        fake.speaking();

        voice(fake, Map.of("elevenlabs.max-characters", "60", "elevenlabs.model", "eleven_v3"))
                .synthesize(request(FIRST, SECOND, THIRD), TestProviderCall.forStage("audio"));

        List<JsonNode> bodies = fake.speechBodies();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(1).has("previous_request_ids")).isFalse();
        assertThat(bodies.get(1).get("model_id").asText()).isEqualTo("eleven_v3");
    }

    @Test
    void theModelsCharacterLimitDecidesTheParts() {
        fake.speaking();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            lines.add(new Line(i, "x".repeat(4_000) + "."));
        }
        SpeechRequest request =
                new SpeechRequest(Voices.channel(Map.of("voice_id", VOICE_ID, "model", "eleven_v3")), lines, 150);

        voice(fake).synthesize(request, TestProviderCall.forStage("audio"));
        assertThat(fake.speechBodies()).hasSize(3); // eleven_v3: 5,000 characters a request

        fake.server.resetRequests();
        voice(fake)
                .synthesize(
                        new SpeechRequest(Voices.channel(Map.of("voice_id", VOICE_ID)), lines, 150),
                        TestProviderCall.forStage("audio"));
        assertThat(fake.speechBodies()).hasSize(2); // eleven_multilingual_v2: 10,000
    }

    @Test
    void aSixteenMinutePartStreamsIntoTheFileWhateverTheLengthOfItsBase64() throws IOException {
        fake.speaking();
        // 16,000 letters of 60 ms and 999 spaces of 20 ms: 980 s, 15.7 MB of MP3, 20.9 million base64
        // characters, more than the 20 million Jackson lets a parser hold as one string
        String line = ("abcdefghijklmnop ".repeat(1_000)).strip();
        Map<String, Object> profile = Map.of("voice_id", VOICE_ID, "model", "eleven_flash_v2_5");

        Speech speech = voice(fake).synthesize(request(profile, new Line(0, line)), TestProviderCall.forStage("audio"));

        assertThat(fake.speechRequests()).hasSize(1);
        long duration = FakeElevenLabs.duration(line);
        assertThat(speech.durationMs()).isEqualTo(duration);
        assertThat(speech.audio().size()).isEqualTo(duration * 16);
        assertThat(speech.timings().get(0).words()).hasSize(1_000);
        assertThat(speech.timings().get(0).endMs()).isEqualTo(duration);
    }

    @Test
    void pcmIsJoinedAndStoredAsAWavFile() throws IOException {
        fake.speaking();

        Speech speech = voice(fake, Map.of("elevenlabs.max-characters", "60", "elevenlabs.output-format", "pcm_16000"))
                .synthesize(request(FIRST, SECOND, THIRD), TestProviderCall.forStage("audio"));

        long firstPart = FakeElevenLabs.duration(FIRST_REQUEST);
        long total = firstPart + FakeElevenLabs.duration(THIRD.text());
        assertThat(fake.speechRequests().get(0).getUrl()).contains("output_format=pcm_16000");
        assertThat(speech.audio().fileName()).isEqualTo("voice.wav");
        assertThat(speech.audio().mimeType()).isEqualTo("audio/wav");
        assertThat(speech.durationMs()).isEqualTo(total);
        assertThat(speech.timings().get(2).startMs()).isEqualTo(firstPart);
        byte[] wav = bytes(speech);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int data = (int) (total * 32); // 16,000 samples of 2 bytes a second
        assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("RIFF");
        assertThat(header.getInt(4)).isEqualTo(36 + data);
        assertThat(new String(wav, 8, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("WAVEfmt ");
        assertThat(header.getShort(20)).isEqualTo((short) 1);
        assertThat(header.getShort(22)).isEqualTo((short) 1);
        assertThat(header.getInt(24)).isEqualTo(16_000);
        assertThat(header.getInt(28)).isEqualTo(32_000);
        assertThat(header.getShort(34)).isEqualTo((short) 16);
        assertThat(new String(wav, 36, 4, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("data");
        assertThat(header.getInt(40)).isEqualTo(data);
        assertThat(wav).hasSize(44 + data);
        assertThat(wav[44]).isEqualTo((byte) 1);
        assertThat(wav[44 + (int) (firstPart * 32)]).isEqualTo((byte) 2);
    }

    @Test
    void anId3TagAtAPartsStartIsLeftOutOfTheJoinedMp3AndOfItsLength() throws IOException {
        fake.speaking(Map.of("id3", true));

        Speech speech = voice(fake, Map.of("elevenlabs.max-characters", "60"))
                .synthesize(request(FIRST, SECOND, THIRD), TestProviderCall.forStage("audio"));

        long firstPart = FakeElevenLabs.duration(FIRST_REQUEST);
        long total = firstPart + FakeElevenLabs.duration(THIRD.text());
        assertThat(bytes(speech)).hasSize((int) (total * 16)).containsOnly(1, 2);
        assertThat(speech.timings().get(2).startMs()).isEqualTo(firstPart);
        assertThat(speech.durationMs()).isEqualTo(total);
    }

    @Test
    void anAlignmentWithoutTheBlankLinesBetweenLinesStillTimesEveryWord() {
        fake.speaking(Map.of("dropBlankLines", true));
        SpeechRequest request = request(FIRST, SECOND);

        Speech speech = voice(fake).synthesize(request, TestProviderCall.forStage("audio"));

        String text = request.text();
        assertThat(speech.timings().get(1).words())
                .isEqualTo(words(text, FIRST.text().length() + 2, SECOND.text(), 0));
    }

    @Test
    void withoutAnAlignmentTheSpeechComesUntimedWithItsLengthFromTheAudio() {
        fake.speaking(Map.of("noAlignment", true));

        Speech speech = voice(fake).synthesize(request(FIRST, SECOND), TestProviderCall.forStage("audio"));

        assertThat(speech.timings()).isEmpty();
        assertThat(speech.durationMs()).isEqualTo(FakeElevenLabs.duration(FIRST_REQUEST));
    }

    @Test
    void closingTheSpeechDeletesItsTemporaryFile() {
        fake.speaking();

        Speech speech = voice(fake).synthesize(request(FIRST), TestProviderCall.forStage("audio"));

        FileMedia media = (FileMedia) speech.audio();
        assertThat(media.file()).exists();
        media.close();
        assertThat(media.file()).doesNotExist();
    }

    @Test
    void callsFromSeveralThreadsAtOnceEachGetTheirOwnSpeech() throws Exception {
        fake.speaking();
        VoiceSynthesizer voice = voice(fake);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Speech>> speeches = new ArrayList<>();
        List<SpeechRequest> requests = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                SpeechRequest request = request(
                        new Line(0, "Caller " + i + " asks about money."),
                        new Line(1, "Answer " + "yes ".repeat(i + 1).strip() + "."));
                requests.add(request);
                Callable<Speech> speak = () -> {
                    go.await();
                    return voice.synthesize(request, TestProviderCall.forStage("audio"));
                };
                speeches.add(pool.submit(speak));
            }
            go.countDown();
            for (int i = 0; i < threads; i++) {
                Speech speech = speeches.get(i).get(2, TimeUnit.MINUTES);
                String text = requests.get(i).text();
                Line second = requests.get(i).lines().get(1);
                assertThat(speech.timings().get(1).words())
                        .isEqualTo(words(
                                text, requests.get(i).lines().get(0).text().length() + 2, second.text(), 0));
                assertThat(speech.durationMs()).isEqualTo(FakeElevenLabs.duration(text));
                assertThat(bytes(speech)).hasSize((int) (FakeElevenLabs.duration(text) * 16));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fake.speechRequests()).hasSize(threads);
    }

    private static byte[] bytes(Speech speech) throws IOException {
        try (InputStream in = speech.audio().open()) {
            return in.readAllBytes();
        }
    }
}
