package io.acog.core.pulse;

import java.util.List;

/**
 * What a batch ingest did.
 *
 * @param created the events stored now, in input order
 * @param skipped the inputs skipped because their {@code (source, sourceId)} was stored before
 *     (or came earlier in the same batch), in input order
 */
public record IngestResult(List<PulseEvent> created, List<NewPulseEvent> skipped) {

    /**
     * Creates the result, copying both lists.
     *
     * @param created the events stored now, in input order
     * @param skipped the inputs skipped because their {@code (source, sourceId)} was stored before
     *     (or came earlier in the same batch), in input order
     */
    public IngestResult {
        created = List.copyOf(created);
        skipped = List.copyOf(skipped);
    }
}
