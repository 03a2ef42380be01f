package io.acog.providers.youtube;

import io.acog.spi.ChannelBrief;
import io.acog.spi.Media;
import io.acog.spi.Publisher.Privacy;
import io.acog.spi.Publisher.PublishRequest;
import io.acog.testkit.providers.TestProviderCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** An episode to publish: its files in a test call's storage and the request, changeable. */
final class Episode {

    final TestProviderCall call = TestProviderCall.forStage("upload");
    final byte[] video;
    final URI videoUri;
    URI thumbnail;
    URI captions;
    String title = "How compound interest works";
    String description = "Why money grows faster the longer you leave it.";
    List<String> tags = new ArrayList<>(List.of("finance", "compound interest", "investing"));
    String categoryId = "27";
    Privacy privacy = Privacy.PUBLIC;
    Instant publishAt;
    boolean madeForKids;
    String language = "en";
    final Map<String, Object> platformConfig = new HashMap<>(Map.of("platform", "youtube"));

    Episode(int videoSize) {
        video = bytes(videoSize, 42);
        videoUri = store("video.mp4", "video/mp4", video);
    }

    /** Adds a thumbnail of {@code size} bytes and SRT captions. */
    Episode withExtras(int thumbnailSize) {
        thumbnail = store("thumbnail.png", "image/png", bytes(thumbnailSize, 7));
        captions = store(
                "captions.srt",
                "application/x-subrip",
                "1\n00:00:00,000 --> 00:00:02,000\nHello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    PublishRequest request() {
        ChannelBrief channel =
                new ChannelBrief("Money Basics", "personal finance", null, null, null, null, platformConfig);
        return new PublishRequest(
                channel,
                videoUri,
                title,
                description,
                tags,
                categoryId,
                privacy,
                publishAt,
                madeForKids,
                true,
                thumbnail,
                captions,
                language,
                Map.of());
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private URI store(String name, String type, byte[] bytes) {
        try {
            return call.storage().store("episodes/e/" + name, Media.ofBytes(name, type, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
