package io.acog.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for the SPI's records: unmodifiable all the way down (a provider may keep or
 * hand on what it gets, and concurrent calls never share a mutable map), order kept, nulls allowed
 * inside, never null itself.
 */
final class Copies {

    private Copies() {}

    static <T> List<T> list(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(deep(item));
        }
        return Collections.unmodifiableList(copy);
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, deep(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** As {@link #map}, but null stays null (a provider's answer that is missing). */
    static <K, V> Map<K, V> mapOrNull(Map<K, V> map) {
        return map == null ? null : map(map);
    }

    /** As {@link #list}, but null stays null. */
    static <T> List<T> listOrNull(List<T> list) {
        return list == null ? null : list(list);
    }

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
