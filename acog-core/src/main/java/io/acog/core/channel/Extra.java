package io.acog.core.channel;

import java.util.LinkedHashMap;
import java.util.Map;

/** Adds one key to a record's extra map. */
final class Extra {

    private Extra() {}

    static Map<String, Object> with(Map<String, Object> extra, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extra);
        copy.put(key, value);
        return copy;
    }
}
