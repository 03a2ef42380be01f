package io.acog.core.internal.pipeline;

import io.acog.core.internal.pipeline.state.PipelineEvent;
import io.acog.core.internal.secret.Redaction;
import io.acog.core.pipeline.PipelineListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the pipeline's listeners what committed; what a listener throws is logged and dropped. */
final class ListenerBus {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);

    private final List<PipelineListener> listeners;

    ListenerBus(List<PipelineListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void tell(List<PipelineEvent> events) {
        for (PipelineEvent event : events) {
            for (PipelineListener listener : listeners) {
                try {
                    event.tell(listener);
                } catch (RuntimeException e) {
                    LOG.warn("Pipeline listener {} threw on {}; ignored", listener, event, Redaction.redact(e));
                }
            }
        }
    }
}
