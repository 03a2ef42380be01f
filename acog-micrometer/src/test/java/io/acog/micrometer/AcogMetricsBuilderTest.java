package io.acog.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acog.core.Acog;
import io.acog.testkit.postgres.AcogPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the builder refuses, and what the binder hands out. */
@AcogPostgres
class AcogMetricsBuilderTest {

    @Test
    void aRefreshThatIsNotPositiveIsRefusedNamingTheValue(Acog acog) {
        AcogMetrics.Builder builder = AcogMetrics.builder(acog);
        assertThatThrownBy(() -> builder.refreshEvery(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refreshEvery must be positive, got PT0S");
        assertThatThrownBy(() -> builder.refreshEvery(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refreshEvery must be positive, got PT-1S");
        assertThatThrownBy(() -> builder.refreshEvery(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("refreshEvery");
        assertThatThrownBy(() -> AcogMetrics.builder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("acog");
        assertThatThrownBy(() -> builder.build().bindTo(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("registry");
    }

    @Test
    void theListenersAreTheSameEachTime(Acog acog) {
        AcogMetrics metrics = AcogMetrics.builder(acog).build();
        assertThat(metrics.pipelineListener()).isSameAs(metrics.pipelineListener());
        assertThat(metrics.jobListener()).isSameAs(metrics.jobListener());
    }
}
