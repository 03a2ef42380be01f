package io.acog.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing in a stable order. Pass {@link #nextCursor()} to the next query's {@code
 * after(...)} to continue: rows inserted or deleted meanwhile neither repeat nor skip others
 * (keyset paging, not offsets).
 *
 * @param <T> the rows' type
 * @param items the rows of this page
 * @param nextCursor where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * Creates a page, copying {@code items}.
     *
     * @param items the rows of this page
     * @param nextCursor where the next page starts; empty on the last page
     * @throws NullPointerException when {@code items}, one of them, or {@code nextCursor} is null
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }

    /**
     * Tells whether there is a page after this one.
     *
     * @return whether {@link #nextCursor()} is present
     */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
