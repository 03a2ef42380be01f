package io.acog.providers.runway;

import io.acog.spi.BrollGenerator;
import io.acog.spi.BrollGenerator.ClipRequest;
import io.acog.spi.ChannelBrief;
import io.acog.spi.OutputFormat;
import io.acog.spi.ProviderConfig;
import io.acog.spi.RenderProgress;
import io.acog.testkit.providers.OfferedProviders;
import io.acog.testkit.providers.TestProviderCall;
import java.util.HashMap;
import java.util.Map;

/** What the tests build generators and clip requests from. */
final class Clips {

    static final String DESCRIPTION = "city skyline at dusk, slow aerial push-in";

    private Clips() {}

    /** The generator the plugin registers with these settings (and the API key, pointed at the fake). */
    static BrollGenerator generator(FakeRunway fake, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>();
        all.put("runway.api-key", FakeRunway.API_KEY);
        all.put("runway.base-url", fake.baseUrl());
        all.putAll(settings);
        return registered(all);
    }

    static BrollGenerator generator(FakeRunway fake) {
        return generator(fake, Map.of());
    }

    static BrollGenerator registered(Map<String, String> settings) {
        OfferedProviders offered = new OfferedProviders();
        new RunwayPlugin().register(ProviderConfig.of(settings), offered);
        return offered.the(BrollGenerator.class);
    }

    static ChannelBrief channel(Map<String, Object> styleGuide) {
        return new ChannelBrief("Money Talks", "personal finance", Map.of(), styleGuide, Map.of(), Map.of(), Map.of());
    }

    static ClipRequest clip(String description, int seconds, OutputFormat format) {
        return new ClipRequest(channel(Map.of()), description, 2, seconds, seconds * 1000L, format);
    }

    static ClipRequest clip(int seconds) {
        return clip(DESCRIPTION, seconds, OutputFormat.LANDSCAPE);
    }

    /** Submits the clip and polls until it is no longer pending (at most 10 polls, none waited for). */
    static RenderProgress render(BrollGenerator generator, ClipRequest clip, TestProviderCall call) {
        String taskId = generator.submit(clip, call).taskId();
        for (int i = 0; i < 10; i++) {
            RenderProgress progress = generator.poll(taskId, call);
            if (!(progress instanceof RenderProgress.Pending)) {
                return progress;
            }
        }
        throw new AssertionError("task " + taskId + " still pending after 10 polls");
    }
}
