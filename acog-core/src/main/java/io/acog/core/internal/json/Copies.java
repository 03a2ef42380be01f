package io.acog.core.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the public records: never null, unmodifiable all the way down (maps and
 * lists inside them are copied too, so a record shares no mutable state with its caller), order
 * kept, nulls allowed. A map or list that contains itself is copied as one that contains its copy
 * (copying it naively would never end): writing it is refused by name, like any value JSON cannot
 * hold.
 */
public final class Copies {

    private Copies() {}

    public static <T> List<T> list(List<T> list) {
        return list(list, null);
    }

    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map(map, null);
    }

    /** A container being copied and its copy, with the containers it is inside. */
    private record Copying(Object original, Object copy, Copying outer) {}

    private static <T> List<T> list(List<T> list, Copying outer) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        List<T> result = Collections.unmodifiableList(copy);
        Copying copying = new Copying(list, result, outer);
        for (T item : list) {
            copy.add(deep(item, copying));
        }
        return result;
    }

    private static <K, V> Map<K, V> map(Map<K, V> map, Copying outer) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        Map<K, V> result = Collections.unmodifiableMap(copy);
        Copying copying = new Copying(map, result, outer);
        map.forEach((key, value) -> copy.put(key, deep(value, copying)));
        return result;
    }

    /** Lists and maps copied, anything else (strings, numbers, records) as it is. */
    @SuppressWarnings("unchecked")
    private static <T> T deep(T value, Copying outer) {
        if (!(value instanceof List<?>) && !(value instanceof Map<?, ?>)) {
            return value;
        }
        for (Copying inside = outer; inside != null; inside = inside.outer()) {
            if (inside.original() == value) {
                return (T) inside.copy();
            }
        }
        return value instanceof List<?> list
                ? (T) list((List<Object>) list, outer)
                : (T) map((Map<Object, Object>) value, outer);
    }
}
