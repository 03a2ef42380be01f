package io.acog.spi;

/**
 * The limits a provider's service puts on one account, as its documentation states them (e.g.
 * ElevenLabs: 2 to 15 concurrent requests by plan; YouTube: about 100 uploads a day). They hold for
 * the whole fleet, not one JVM: ACOG counts calls in the database. 0 means no limit.
 *
 * @param concurrentRequests how many calls may be in flight at once
 * @param requestsPerMinute how many calls may start in any minute
 * @param requestsPerDay how many calls may start in a day (the provider's quota day)
 */
public record ProviderLimits(int concurrentRequests, int requestsPerMinute, int requestsPerDay) {

    private static final ProviderLimits NONE = new ProviderLimits(0, 0, 0);

    /**
     * Creates limits; each is 0 (no limit) or more.
     *
     * @param concurrentRequests how many calls may be in flight at once
     * @param requestsPerMinute how many calls may start in any minute
     * @param requestsPerDay how many calls may start in a day (the provider's quota day)
     * @throws IllegalArgumentException when a limit is negative, naming it
     */
    public ProviderLimits {
        requireNotNegative("concurrentRequests", concurrentRequests);
        requireNotNegative("requestsPerMinute", requestsPerMinute);
        requireNotNegative("requestsPerDay", requestsPerDay);
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
        return new ProviderLimits(requests, requestsPerMinute, requestsPerDay);
    }

    /**
     * Returns these limits with at most {@code requests} calls started per minute.
     *
     * @param requests the calls allowed per minute; 0 for no limit
     * @return the changed copy
     */
    public ProviderLimits withRequestsPerMinute(int requests) {
        return new ProviderLimits(concurrentRequests, requests, requestsPerDay);
    }

    /**
     * Returns these limits with at most {@code requests} calls started per day.
     *
     * @param requests the calls allowed per day; 0 for no limit
     * @return the changed copy
     */
    public ProviderLimits withRequestsPerDay(int requests) {
        return new ProviderLimits(concurrentRequests, requestsPerMinute, requests);
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
