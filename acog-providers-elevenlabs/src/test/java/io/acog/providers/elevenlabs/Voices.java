package io.acog.providers.elevenlabs;

import io.acog.spi.AssetStorage;
import io.acog.spi.AvatarRenderer;
import io.acog.spi.BrollGenerator;
import io.acog.spi.ChannelBrief;
import io.acog.spi.ContentWriter;
import io.acog.spi.ProviderConfig;
import io.acog.spi.ProviderRegistry;
import io.acog.spi.Publisher;
import io.acog.spi.VideoAssembler;
import io.acog.spi.VoiceSynthesizer;
import io.acog.spi.VoiceSynthesizer.Line;
import io.acog.spi.VoiceSynthesizer.SpeechRequest;
import io.acog.spi.VoiceSynthesizer.WordTiming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the tests build voices, requests and expected timings from. */
final class Voices {

    static final String VOICE_ID = "JBFqnCBsd6RMkjVDRZzb";

    private Voices() {}

    /** The voice the plugin registers with these settings (and the API key, pointed at the fake). */
    static VoiceSynthesizer voice(FakeElevenLabs fake, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put("elevenlabs.api-key", FakeElevenLabs.API_KEY);
        all.put("elevenlabs.base-url", fake.baseUrl());
        all.putAll(settings);
        Registry registry = new Registry();
        new ElevenLabsPlugin().register(ProviderConfig.of(all), registry);
        return registry.voices.get(0);
    }

    static VoiceSynthesizer voice(FakeElevenLabs fake) {
        return voice(fake, Map.of());
    }

    static ChannelBrief channel(Map<String, Object> voiceProfile) {
        return new ChannelBrief(
                "Money Talks", "personal finance", Map.of(), Map.of(), voiceProfile, Map.of(), Map.of());
    }

    static SpeechRequest request(Map<String, Object> voiceProfile, Line... lines) {
        return new SpeechRequest(channel(voiceProfile), List.of(lines), 150);
    }

    static SpeechRequest request(Line... lines) {
        return request(Map.of("provider", "elevenlabs", "voice_id", VOICE_ID), lines);
    }

    /**
     * The words of {@code line}, timed as the fake speaks them: the line sits at {@code offset} in
     * the text of a request whose audio starts {@code requestStartMs} into the speech.
     */
    static List<WordTiming> words(String requestText, int offset, String line, long requestStartMs) {
        long[][] times = FakeElevenLabs.times(requestText);
        List<WordTiming> words = new ArrayList<>();
        int at = 0;
        while (at < line.length()) {
            while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
                at++;
            }
            int start = at;
            while (at < line.length() && !Character.isWhitespace(line.charAt(at))) {
                at++;
            }
            if (start < at) {
                words.add(new WordTiming(
                        line.substring(start, at),
                        requestStartMs + times[0][offset + start],
                        requestStartMs + times[1][offset + at - 1]));
            }
        }
        return words;
    }

    /** A registry that keeps what it is given. */
    static final class Registry implements ProviderRegistry {

        final List<VoiceSynthesizer> voices = new ArrayList<>();
        final List<Object> others = new ArrayList<>();

        @Override
        public void contentWriter(ContentWriter writer) {
            others.add(writer);
        }

        @Override
        public void voiceSynthesizer(VoiceSynthesizer synthesizer) {
            voices.add(synthesizer);
        }

        @Override
        public void avatarRenderer(AvatarRenderer renderer) {
            others.add(renderer);
        }

        @Override
        public void brollGenerator(BrollGenerator generator) {
            others.add(generator);
        }

        @Override
        public void videoAssembler(VideoAssembler assembler) {
            others.add(assembler);
        }

        @Override
        public void publisher(Publisher publisher) {
            others.add(publisher);
        }

        @Override
        public void assetStorage(AssetStorage storage) {
            others.add(storage);
        }
    }
}
