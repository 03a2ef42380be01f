package io.acog.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing in a stable order. Pass {@link #nextCursor()} to the next query's
 * {@code after(...)} to continue: rows inserted or deleted meanwhile neither repeat nor skip
 * others (keyset paging, not offsets).
 *
 * @param items the rows of this page
 * @param nextCursor where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /** Whether there is a page after this one. */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
