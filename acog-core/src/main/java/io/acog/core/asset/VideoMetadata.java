package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Metadata of a video asset: avatar video, b-roll clip or the assembled video. Every field is
 * nullable.
 *
 * @param durationSeconds how long it plays, in seconds
 * @param resolution e.g. {@code "1920x1080"}
 * @param fps frames per second
 * @param codec e.g. {@code "h264"}
 * @param bitrateKbps the bitrate, in kilobits per second
 * @param costCents what it cost, in US cents
 * @param generationParams the parameters the provider rendered it with
 * @param extra keys beyond these, kept as they are
 */
public record VideoMetadata(
        BigDecimal durationSeconds,
        String resolution,
        Integer fps,
        String codec,
        Integer bitrateKbps,
        Integer costCents,
        Map<String, Object> generationParams,
        Map<String, Object> extra)
        implements AssetMetadata {

    /**
     * Creates the metadata, copying the maps (null becomes empty).
     *
     * @param durationSeconds how long it plays, in seconds
     * @param resolution e.g. {@code "1920x1080"}
     * @param fps frames per second
     * @param codec e.g. {@code "h264"}
     * @param bitrateKbps the bitrate, in kilobits per second
     * @param costCents what it cost, in US cents
     * @param generationParams the parameters the provider rendered it with
     * @param extra keys beyond these, kept as they are
     */
    public VideoMetadata {
        generationParams = Copies.map(generationParams);
        extra = Copies.map(extra);
    }
}
