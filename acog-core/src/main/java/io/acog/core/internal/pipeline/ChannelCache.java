package io.acog.core.internal.pipeline;

import io.acog.core.channel.Channel;
import io.acog.core.internal.db.Db;
import io.acog.core.internal.json.JsonCodec;
import io.acog.core.internal.pipeline.state.ChannelSettings;
import io.acog.core.internal.store.ChannelStore;
import io.acog.spi.ChannelBrief;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels by id, as of their {@code updated_at}: every stage needs its channel's profiles, which
 * change rarely, so they are read and converted once per change of the channel. A change applies
 * from the next stage that starts. Thread-safe; the values are immutable.
 */
final class ChannelCache {

    /** A channel as stages see it: the record, the brief providers get, what scheduling needs. */
    record Cached(Channel channel, ChannelBrief brief, ChannelSettings settings) {}

    private static final int MAX_CHANNELS = 10_000;

    private final Db db;
    private final Map<UUID, Cached> channels = new ConcurrentHashMap<>();

    ChannelCache(Db db) {
        this.db = db;
    }

    /** The channel as of {@code updatedAt}: cached unless it changed since. */
    Cached get(UUID channelId, OffsetDateTime updatedAt) {
        Cached cached = channels.get(channelId);
        if (cached != null && cached.channel().updatedAt().isEqual(updatedAt)) {
            return cached;
        }
        return reload(channelId);
    }

    /** The channel as cached (read if it is not). */
    Cached get(UUID channelId) {
        Cached cached = channels.get(channelId);
        return cached != null ? cached : reload(channelId);
    }

    private Cached reload(UUID channelId) {
        Channel channel = ChannelStore.get(db, channelId);
        Cached cached = new Cached(channel, brief(channel), ChannelSettings.of(channel));
        if (channels.size() > MAX_CHANNELS) {
            channels.clear();
        }
        channels.put(channelId, cached);
        return cached;
    }

    static ChannelBrief brief(Channel channel) {
        return new ChannelBrief(
                channel.name(),
                channel.niche(),
                JsonCodec.object(channel.persona()),
                JsonCodec.object(channel.styleGuide()),
                JsonCodec.object(channel.voiceProfile()),
                JsonCodec.object(channel.avatarProfile()),
                JsonCodec.object(channel.platformConfig()));
    }
}
