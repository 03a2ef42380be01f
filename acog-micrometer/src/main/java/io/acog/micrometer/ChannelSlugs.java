package io.acog.micrometer;

import io.acog.core.NotFoundException;
import io.acog.core.channel.ChannelRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel slugs by id, for the cost meter's channel tag: read once per channel, and kept for the
 * {@value #MOST} channels used last, so a stage's cost costs no query. A channel that is gone
 * (deleted) is tagged with its id; a look-up that fails (the database is away) tags this cost
 * with the id too, and is tried again next time.
 */
final class ChannelSlugs {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSlugs.class);

    /** How many channels are kept; a host with more reads a slug again now and then. */
    static final int MOST = 1024;

    private final ChannelRepository channels;
    private final Map<UUID, String> slugs = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > MOST;
        }
    };
    private boolean failing;

    ChannelSlugs(ChannelRepository channels) {
        this.channels = channels;
    }

    String slug(UUID channelId) {
        synchronized (slugs) {
            String known = slugs.get(channelId);
            if (known != null) {
                return known;
            }
        }
        String slug;
        boolean keep = true;
        try {
            slug = channels.get(channelId).slug();
            recovered();
        } catch (NotFoundException e) {
            slug = channelId.toString();
        } catch (RuntimeException e) {
            failed(channelId, e);
            slug = channelId.toString();
            keep = false;
        }
        if (keep) {
            synchronized (slugs) {
                slugs.put(channelId, slug);
            }
        }
        return slug;
    }

    private synchronized void failed(UUID channelId, RuntimeException e) {
        if (!failing) {
            failing = true;
            LOG.warn(
                    "ACOG metrics cannot read channel {} for its slug ({}); its cost is tagged with its id until"
                            + " the channel can be read",
                    channelId,
                    Failures.describe(e));
        }
    }

    private synchronized void recovered() {
        failing = false;
    }
}
