package io.acog.core.channel;

import io.acog.core.Page;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Channels: create, read, change, list, soft-delete and restore. Soft-deleted channels are
 * invisible to {@code get}/{@code find} and to listings unless asked for, but keep their slug.
 *
 * <p>Every method is atomic and thread-safe. Errors: {@link io.acog.core.ValidationException}
 * (refused before the database), {@link io.acog.core.NotFoundException},
 * {@link io.acog.core.ConflictException}.
 */
public interface ChannelRepository {

    /**
     * Creates a channel.
     *
     * @param channel what to create
     * @return the stored channel, with its id and timestamps
     * @throws io.acog.core.ValidationException for a missing or over-long name, a slug that is not
     *     lowercase URL-safe or longer than 100 characters, or an over-long niche or cadence
     * @throws io.acog.core.ConflictException when another channel has the slug, soft-deleted or not
     */
    Channel create(NewChannel channel);

    /**
     * Returns the live channel.
     *
     * @param id the channel's id
     * @return the channel
     * @throws io.acog.core.NotFoundException when absent or soft-deleted
     */
    Channel get(UUID id);

    /**
     * Finds the live channel.
     *
     * @param id the channel's id
     * @return the channel, or empty when absent or soft-deleted
     */
    Optional<Channel> find(UUID id);

    /**
     * Returns the live channel with this slug.
     *
     * @param slug the channel's slug
     * @return the channel
     * @throws io.acog.core.NotFoundException when none
     */
    Channel getBySlug(String slug);

    /**
     * Finds the live channel with this slug.
     *
     * @param slug the channel's slug
     * @return the channel, or empty when none
     */
    Optional<Channel> findBySlug(String slug);

    /**
     * Applies the changes the update sets; fields it does not set stay as they are.
     *
     * @param id the channel's id
     * @param update the changes
     * @return the channel as stored afterwards
     * @throws io.acog.core.NotFoundException when the channel is absent or soft-deleted
     * @throws io.acog.core.ConflictException for a slug another channel has, or when {@link
     *     ChannelUpdate.Builder#unchangedSince} no longer holds
     * @throws io.acog.core.ValidationException as {@link #create(NewChannel)}
     */
    Channel update(UUID id, ChannelUpdate update);

    /**
     * Lists one page of channels, newest first.
     *
     * @param query the filter, page size and cursor
     * @return the page
     * @throws io.acog.core.ValidationException for a page size outside 1 to 500, or a cursor this
     *     listing did not return
     */
    Page<Channel> list(ChannelQuery query);

    /**
     * Lists the active, live channels of a niche, by name: the seed's "channels by niche" query.
     *
     * @param niche the niche, matched exactly
     * @return the channels, all of them (no paging)
     */
    List<Channel> listByNiche(String niche);

    /**
     * Soft-deletes the channel.
     *
     * @param id the channel's id
     * @throws io.acog.core.ConflictException when the channel still has live episodes (soft-delete
     *     them first, or use {@link #softDeleteWithEpisodes(UUID)})
     * @throws io.acog.core.NotFoundException when absent or already soft-deleted
     */
    void softDelete(UUID id);

    /**
     * Soft-deletes the channel and, in the same transaction, its live episodes.
     *
     * @param id the channel's id
     * @return how many episodes were soft-deleted with it
     * @throws io.acog.core.NotFoundException when absent or already soft-deleted
     */
    int softDeleteWithEpisodes(UUID id);

    /**
     * Makes a soft-deleted channel live again (its episodes stay as they are).
     *
     * @param id the channel's id
     * @return the channel, live
     * @throws io.acog.core.NotFoundException when there is no soft-deleted channel with this id
     */
    Channel restore(UUID id);
}
