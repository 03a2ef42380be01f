package io.acog.core.internal.pipeline.stage;

import io.acog.core.internal.secret.Redaction;
import io.acog.spi.ProviderConfig;
import io.acog.spi.Secret;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The host's settings as one plugin sees them: every secret value handed out is remembered for
 * {@link Redaction}, and the keys the plugin asked for but the host did not set are noted, so
 * that a plugin that registers nothing can be told apart from one that is missing an API key.
 */
final class PluginSettings implements ProviderConfig {

    private final ProviderConfig settings;
    private final Set<String> missing = new LinkedHashSet<>();

    PluginSettings(ProviderConfig settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Optional<String> get(String key) {
        Optional<String> value = Objects.requireNonNull(settings.get(key), "ProviderConfig.get returned null");
        if (value.isEmpty()) {
            missing.add(key);
        } else if (Redaction.isSecretSetting(key)) {
            Redaction.remember(value.get());
        }
        return value;
    }

    @Override
    public Optional<Secret> secret(String key) {
        Optional<Secret> secret = Objects.requireNonNull(settings.secret(key), "ProviderConfig.secret returned null");
        if (secret.isEmpty()) {
            missing.add(key);
        } else {
            Redaction.remember(secret.get().reveal());
        }
        return secret;
    }

    /**
     * The keys the plugin asked for that the host has not set: secrets (API keys, tokens) first,
     * since a plugin without one offers nothing, then the others, each in the order asked.
     */
    Set<String> missing() {
        Set<String> ordered = new LinkedHashSet<>();
        missing.stream().filter(Redaction::isSecretSetting).forEach(ordered::add);
        ordered.addAll(missing);
        return Collections.unmodifiableSet(ordered);
    }
}
