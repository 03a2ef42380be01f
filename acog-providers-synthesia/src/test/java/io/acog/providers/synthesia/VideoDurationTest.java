package io.acog.providers.synthesia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VideoDurationTest {

    @ParameterizedTest
    @CsvSource({
        "0:00:59.000000, 59000",
        "0:01:30.250000, 90250",
        "1:02:03.5, 3723500",
        "0:00:00.0004, 0",
        "0:00:00.0005, 1",
        "00:59, 59000",
        "2:05.125, 125125",
        "59.5, 59500",
        "42, 42000",
        "PT1M2.5S, 62500",
        "'1 day, 0:00:01', 86401000",
        "' 0:00:12.000000 ', 12000",
    })
    void synthesiasDurationStringsAreRead(String text, long millis) {
        assertThat(VideoDuration.millis(JsonNodeFactory.instance.textNode(text)))
                .isEqualTo(millis);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-0:00:01", "0:75:00", "0:00:75", "1:2:3:4", "-3", "1 day", "PT-5S"})
    void whatCannotBeReadIsUnknown(String text) {
        assertThat(VideoDuration.millis(JsonNodeFactory.instance.textNode(text)))
                .isEqualTo(-1);
    }

    @Test
    void aNumberIsSecondsAndNothingIsUnknown() {
        assertThat(VideoDuration.millis(JsonNodeFactory.instance.numberNode(12.25)))
                .isEqualTo(12250);
        assertThat(VideoDuration.millis(JsonNodeFactory.instance.nullNode())).isEqualTo(-1);
        assertThat(VideoDuration.millis((com.fasterxml.jackson.databind.JsonNode) null))
                .isEqualTo(-1);
        assertThat(VideoDuration.millis(JsonNodeFactory.instance.booleanNode(true)))
                .isEqualTo(-1);
    }
}
