package io.acog.core.asset;

import io.acog.core.internal.json.Copies;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Metadata of an audio asset (the seed's example keys). Every field is nullable.
 *
 * @param durationSeconds how long it plays, in seconds
 * @param format the file format, e.g. {@code "mp3"}
 * @param bitrate the bitrate, in bits per second
 * @param sampleRate the sample rate, in Hz
 * @param voiceSettingsUsed the voice settings the speech was made with
 * @param costCents what it cost, in US cents
 * @param characterCount the characters synthesized
 * @param extra keys beyond these, kept as they are
 */
public record AudioMetadata(
        BigDecimal durationSeconds,
        String format,
        Integer bitrate,
        Integer sampleRate,
        Map<String, Object> voiceSettingsUsed,
        Integer costCents,
        Integer characterCount,
        Map<String, Object> extra)
        implements AssetMetadata {

    /**
     * Creates the metadata, copying the maps (null becomes empty).
     *
     * @param durationSeconds how long it plays, in seconds
     * @param format the file format, e.g. {@code "mp3"}
     * @param bitrate the bitrate, in bits per second
     * @param sampleRate the sample rate, in Hz
     * @param voiceSettingsUsed the voice settings the speech was made with
     * @param costCents what it cost, in US cents
     * @param characterCount the characters synthesized
     * @param extra keys beyond these, kept as they are
     */
    public AudioMetadata {
        voiceSettingsUsed = Copies.map(voiceSettingsUsed);
        extra = Copies.map(extra);
    }
}
