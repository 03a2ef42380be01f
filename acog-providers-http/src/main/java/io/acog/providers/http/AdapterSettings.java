package io.acog.providers.http;

import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An adapter's settings, {@code <name>.<key>} in the host's {@link ProviderConfig} (so {@code
 * openai.model}, or {@code ACOG_OPENAI_MODEL} through {@link ProviderConfig#fromEnvironment()}),
 * read with their defaults and checked: a value that cannot be used fails with a message naming
 * the setting, the value (never a secret's) and what it must be.
 */
public final class AdapterSettings {

    private final String name;
    private final ProviderConfig config;

    private AdapterSettings(String name, ProviderConfig config) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Reads the settings of the adapter named {@code name}.
     *
     * @param name the adapter's name, the settings' prefix, e.g. {@code "openai"}
     * @param config the host's settings
     * @return the adapter's settings
     */
    public static AdapterSettings of(String name, ProviderConfig config) {
        return new AdapterSettings(name, config);
    }

    /**
     * Returns the full name of a setting.
     *
     * @param key the key, e.g. {@code "api-key"}
     * @return e.g. {@code "openai.api-key"}
     */
    public String key(String key) {
        return name + "." + key;
    }

    /**
     * Returns a setting's value, blank counted as unset.
     *
     * @param key the key
     * @return the value, trimmed, or empty
     */
    public Optional<String> get(String key) {
        return config.get(key(key)).map(String::trim).filter(value -> !value.isEmpty());
    }

    /**
     * Returns a setting's value or its default.
     *
     * @param key the key
     * @param fallback the default
     * @return the value
     */
    public String text(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /**
     * Returns a secret setting, asked for through {@link ProviderConfig#secret}.
     *
     * @param key the key, e.g. {@code "api-key"}
     * @return the secret, or empty when it is not set
     */
    public Optional<Secret> secret(String key) {
        return config.secret(key(key)).filter(secret -> !secret.reveal().isBlank());
    }

    /**
     * Returns a URL setting or its default, without a trailing slash.
     *
     * @param key the key, e.g. {@code "base-url"}
     * @param fallback the default, e.g. the provider's real endpoint
     * @return the URL
     * @throws IllegalArgumentException naming the setting when it is not an absolute http(s) URL
     */
    public URI url(String key, String fallback) {
        String value = text(key, fallback);
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw invalid(key, value, "an absolute http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(key, value, "an absolute http or https URL");
        }
    }

    /**
     * Returns a whole-number setting or its default.
     *
     * @param key the key
     * @param fallback the default
     * @param min the least value allowed
     * @param max the greatest value allowed
     * @return the value
     * @throws IllegalArgumentException naming the setting when it is not a number in range
     */
    public int integer(String key, int fallback, int min, int max) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw invalid(key, value.get(), "a whole number from " + min + " to " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "a whole number from " + min + " to " + max);
        }
    }

    /**
     * Returns a decimal setting (a price, a voice setting) or its default.
     *
     * @param key the key
     * @param fallback the default; null for none
     * @return the value, or the default
     * @throws IllegalArgumentException naming the setting when it is not a number
     */
    public BigDecimal decimal(String key, BigDecimal fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return new BigDecimal(value.get());
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "a decimal number");
        }
    }

    /**
     * Returns a yes/no setting or its default.
     *
     * @param key the key
     * @param fallback the default
     * @return the value
     * @throws IllegalArgumentException naming the setting when it is not {@code true} or {@code
     *     false}
     */
    public boolean flag(String key, boolean fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value.get(), "true or false");
        };
    }

    /**
     * Returns a duration setting or its default: ISO-8601 ({@code PT30S}) or a number of seconds.
     *
     * @param key the key, e.g. {@code "timeout"}
     * @param fallback the default
     * @return the duration, positive
     * @throws IllegalArgumentException naming the setting when it is not a positive duration
     */
    public Duration duration(String key, Duration fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = value.get().toUpperCase(Locale.ROOT).startsWith("P")
                    ? Duration.parse(value.get())
                    : Duration.ofMillis(Math.round(Double.parseDouble(value.get()) * 1000));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(key, value.get(), "a positive duration, in seconds or as ISO-8601 (PT30S)");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw invalid(key, value.get(), "a positive duration, in seconds or as ISO-8601 (PT30S)");
        }
        return parsed;
    }

    private IllegalArgumentException invalid(String key, String value, String must) {
        return new IllegalArgumentException(
                "provider setting '" + key(key) + "' is '" + value + "'; it must be " + must);
    }
}
