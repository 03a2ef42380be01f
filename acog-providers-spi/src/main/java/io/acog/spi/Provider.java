package io.acog.spi;

/**
 * What every provider is: a name, and the limits its service puts on an account. Each capability
 * ({@link ContentWriter}, {@link VoiceSynthesizer}, {@link AvatarRenderer}, {@link BrollGenerator},
 * {@link VideoAssembler}, {@link Publisher}) extends it.
 */
public interface Provider {

    /**
     * Returns the provider's name, e.g. {@code "elevenlabs"}: how channels and settings name it, and
     * how errors and costs are labelled.
     *
     * @return the name, never null
     */
    String name();

    /**
     * Returns the limits the provider's service puts on one account, which ACOG keeps to across
     * every worker of the fleet. None by default.
     *
     * @return the limits, never null
     */
    default ProviderLimits limits() {
        return ProviderLimits.none();
    }
}
