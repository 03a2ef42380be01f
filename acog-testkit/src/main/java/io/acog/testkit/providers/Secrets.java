package io.acog.testkit.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The secrets an adapter holds, and the kits' checks that none shows where it must not. */
final class Secrets {

    private static final Pattern SECRET_SETTING = Pattern.compile("(?i).*(key|secret|token|password).*");

    private Secrets() {}

    /**
     * Returns the values of the settings whose names say key, secret, token or password, six
     * characters or longer (shorter ones would match by chance).
     *
     * @param settings the settings, as {@link io.acog.spi.ProviderConfig#of} takes them
     * @return the secret values
     */
    static Set<String> inSettings(Map<String, String> settings) {
        Set<String> secrets = new LinkedHashSet<>();
        settings.forEach((key, value) -> {
            if (SECRET_SETTING.matcher(key).matches() && value != null && value.length() >= 6) {
                secrets.add(value);
            }
        });
        return secrets;
    }

    /**
     * Fails when a secret is in the throwable's {@code toString} or in any of its causes'.
     *
     * @param thrown what was thrown; null passes
     * @param secrets the secrets
     */
    static void assertNoneIn(Throwable thrown, Collection<String> secrets) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            String text = cause.toString();
            for (String secret : secrets) {
                assertThat(text).as("an exception's message").doesNotContain(secret);
            }
        }
    }

    /**
     * Fails when a secret is in the text.
     *
     * @param text e.g. the log lines written while an adapter worked
     * @param what what the text is, for the failure's message
     * @param secrets the secrets
     */
    static void assertNoneIn(String text, String what, Collection<String> secrets) {
        for (String secret : secrets) {
            assertThat(text).as(what).doesNotContain(secret);
        }
    }
}
