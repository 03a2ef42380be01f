package io.acog.providers.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import io.acog.spi.ProviderException;

/** The assertion every failure must pass: no secret in its message. */
final class Secrets {

    private Secrets() {}

    static ProviderException assertNoSecrets(Throwable failure) {
        assertThat(failure).isInstanceOf(ProviderException.class);
        for (String secret : YouTubeMock.SECRETS) {
            assertThat(failure.getMessage()).as("the message of %s", failure).doesNotContain(secret);
            assertThat(failure.toString()).doesNotContain(secret);
        }
        return (ProviderException) failure;
    }
}
