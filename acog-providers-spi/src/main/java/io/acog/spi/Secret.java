package io.acog.spi;

import java.util.Objects;

/**
 * A secret setting (an API key, a token): readable only through {@link #reveal()}, so that it
 * never ends up in a log line, an exception message or a {@code toString()}.
 */
public final class Secret {

    private final String value;

    /**
     * Wraps a secret value.
     *
     * @param value the secret, e.g. an API key
     * @throws NullPointerException when {@code value} is null
     */
    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the secret itself; pass it to the HTTP client and nowhere else.
     *
     * @return the secret value
     */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
