/**
 * What a provider plugin implements: one interface per capability ({@link io.acog.spi.ContentWriter},
 * {@link io.acog.spi.VoiceSynthesizer}, {@link io.acog.spi.AvatarRenderer},
 * {@link io.acog.spi.BrollGenerator}, {@link io.acog.spi.VideoAssembler},
 * {@link io.acog.spi.Publisher}, {@link io.acog.spi.AssetStorage}), registered in code or through a
 * {@link io.acog.spi.ProviderPlugin}. Depends on the JDK only.
 */
package io.acog.spi;
