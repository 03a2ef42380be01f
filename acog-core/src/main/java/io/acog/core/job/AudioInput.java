package io.acog.core.job;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.acog.core.internal.Values;
import java.util.Map;
import java.util.UUID;

/** {@code jobs.input_params} of an audio job (the seed's example keys). */
public record AudioInput(
        UUID scriptId,
        Map<String, Object> voiceSettingsOverride,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public AudioInput {
        voiceSettingsOverride = Values.map(voiceSettingsOverride);
        extra = Values.map(extra);
    }
}
