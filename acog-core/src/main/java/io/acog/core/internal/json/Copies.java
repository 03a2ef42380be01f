package io.acog.core.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the public records: never null, unmodifiable all the way down (maps and
 * lists inside them are copied too, so a record shares no mutable state with its caller), order
 * kept, nulls allowed.
 */
public final class Copies {

    private Copies() {}

    public static <T> List<T> list(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(deep(item));
        }
        return Collections.unmodifiableList(copy);
    }

    public static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, deep(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** Lists and maps copied, anything else (strings, numbers, records) as it is. */
    @SuppressWarnings("unchecked")
    private static <T> T deep(T value) {
        if (value instanceof List<?> list) {
            return (T) list((List<Object>) list);
        }
        if (value instanceof Map<?, ?> map) {
            return (T) map((Map<Object, Object>) map);
        }
        return value;
    }
}
