package io.acog.core.internal.db;

import io.acog.core.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cuts a keyset query's {@code limit + 1} rows into a page and the cursor after it. */
public final class Pages {

    private Pages() {}

    public static <T> Page<T> of(List<T> rows, int limit, Function<T, Cursor> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(
                items, Optional.of(position.apply(items.get(limit - 1)).encode()));
    }
}
