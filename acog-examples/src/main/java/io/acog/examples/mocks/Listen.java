package io.acog.examples.mocks;

import java.util.Objects;

/**
 * Where a mock listens, and how much of what it received it remembers.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} (this machine only)
 * @param port the port; 0 for any free one
 * @param journalEntries how many requests the mock remembers for inspection, the oldest forgotten
 *     first; -1 for all of them, as a test that inspects them wants. Each request is remembered
 *     with its body, uploads included.
 */
public record Listen(String host, int port, int journalEntries) {

    /**
     * Checks the values.
     *
     * @throws NullPointerException when {@code host} is null
     * @throws IllegalArgumentException when the port is not 0 to 65535, or {@code journalEntries}
     *     is less than -1
     */
    public Listen {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is 0 (any free one) to 65535, not " + port);
        }
        if (journalEntries < -1) {
            throw new IllegalArgumentException("journalEntries is -1 (all) or 0 and more, not " + journalEntries);
        }
    }

    /**
     * Returns where a test's mock listens: any free port of the loopback address, every request
     * remembered.
     *
     * @return the settings
     */
    public static Listen forTests() {
        return new Listen("127.0.0.1", 0, -1);
    }

    /**
     * Returns the same, on {@code port}.
     *
     * @param port the port; 0 for any free one
     * @return the settings
     * @throws IllegalArgumentException when the port is not 0 to 65535
     */
    public Listen withPort(int port) {
        return new Listen(host, port, journalEntries);
    }
}
