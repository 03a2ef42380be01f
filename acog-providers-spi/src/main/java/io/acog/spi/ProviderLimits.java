package io.acog.spi;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The limits a provider's service puts on one account, as its documentation states them (e.g.
 * ElevenLabs: 2 to 15 concurrent requests by plan; YouTube: about 100 uploads a day). They hold for
 * the whole fleet, not one JVM: ACOG counts calls in the database. 0 means no limit.
 *
 * @param concurrentRequests how many calls may be in flight at once
 * @param requestsPerMinute how many calls may start in any minute
 * @param requestsPerDay how many calls may start in a day (the provider's quota day)
 * @param quotaDay the time zone whose midnight begins the provider's quota day (YouTube's is
 *     Pacific time); UTC unless set
 */
public record ProviderLimits(int concurrentRequests, int requestsPerMinute, int requestsPerDay, ZoneId quotaDay) {

    private static final ProviderLimits NONE = new ProviderLimits(0, 0, 0);

    /**
     * Creates limits; each is 0 (no limit) or more.
     *
     * @param concurrentRequests how many calls may be in flight at once
     * @param requestsPerMinute how many calls may start in any minute
     * @param requestsPerDay how many calls may start in a day (the provider's quota day)
     * @param quotaDay the time zone whose midnight begins the quota day; null for UTC
     * @throws IllegalArgumentException when a limit is negative, naming it
     */
    public ProviderLimits {
        quotaDay = quotaDay == null ? ZoneOffset.UTC : quotaDay;
        requireNotNegative("concurrentRequests", concurrentRequests);
        requireNotNegative("requestsPerMinute", requestsPerMinute);
        requireNotNegative("requestsPerDay", requestsPerDay);
    }

    /**
     * Creates limits whose quota day begins at midnight UTC; each is 0 (no limit) or more.
     *
     * @param concurrentRequests how many calls may be in flight at once
     * @param requestsPerMinute how many calls may start in any minute
     * @param requestsPerDay how many calls may start in a day
     * @throws IllegalArgumentException when a limit is negative, naming it
     */
    public ProviderLimits(int concurrentRequests, int requestsPerMinute, int requestsPerDay) {
        this(concurrentRequests, requestsPerMinute, requestsPerDay, ZoneOffset.UTC);
    }

    /**
     * Returns no limits at all.
     *
     * @return limits that are all 0
     */
    public static ProviderLimits none() {
        return NONE;
    }

    /**
     * Returns these limits with at most {@code requests} calls in flight at once.
     *
     * @param requests the concurrent calls allowed; 0 for no limit
     * @return the changed copy
     */
    public ProviderLimits withConcurrentRequests(int requests) {
        return new ProviderLimits(requests, requestsPerMinute, requestsPerDay, quotaDay);
    }

    /**
     * Returns these limits with at most {@code requests} calls started per minute.
     *
     * @param requests the calls allowed per minute; 0 for no limit
     * @return the changed copy
     */
    public ProviderLimits withRequestsPerMinute(int requests) {
        return new ProviderLimits(concurrentRequests, requests, requestsPerDay, quotaDay);
    }

    /**
     * Returns these limits with at most {@code requests} calls started per day.
     *
     * @param requests the calls allowed per day; 0 for no limit
     * @return the changed copy
     */
    public ProviderLimits withRequestsPerDay(int requests) {
        return new ProviderLimits(concurrentRequests, requestsPerMinute, requests, quotaDay);
    }

    /**
     * Returns these limits with the quota day beginning at midnight in {@code zone}.
     *
     * @param zone the provider's quota time zone, e.g. {@code America/Los_Angeles} for YouTube
     * @return the changed copy
     */
    public ProviderLimits withQuotaDay(ZoneId zone) {
        return new ProviderLimits(
                concurrentRequests, requestsPerMinute, requestsPerDay, Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Tells whether no limit is set.
     *
     * @return whether every limit is 0
     */
    public boolean unlimited() {
        return concurrentRequests == 0 && requestsPerMinute == 0 && requestsPerDay == 0;
    }

    private static void requireNotNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " is " + value + "; it must be 0 (no limit) or more");
        }
    }
}
