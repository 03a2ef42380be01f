package io.acog.core.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The labels of ACOG's enums as stored and shown: the constant's name in lowercase (the database
 * enums' labels, checked against the generated ones by a test). Computed once per enum: labels are
 * read and written for every stage of every episode.
 */
public final class Labels {

    /** Per enum: labels by ordinal, and constants by label. */
    private record Table(String[] labels, Map<String, Enum<?>> byLabel) {}

    private static final ClassValue<Table> TABLES = new ClassValue<>() {
        @Override
        protected Table computeValue(Class<?> type) {
            Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
            String[] labels = new String[constants.length];
            Map<String, Enum<?>> byLabel = new HashMap<>();
            for (Enum<?> constant : constants) {
                labels[constant.ordinal()] = constant.name().toLowerCase(Locale.ROOT);
                byLabel.put(labels[constant.ordinal()], constant);
            }
            return new Table(labels, Collections.unmodifiableMap(byLabel));
        }
    };

    private Labels() {}

    public static String of(Enum<?> value) {
        return TABLES.get(value.getDeclaringClass()).labels()[value.ordinal()];
    }

    /**
     * The constant with this label.
     *
     * @throws IllegalArgumentException naming the label and the ones allowed
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String label) {
        E found = find(type, label);
        if (found != null) {
            return found;
        }
        throw new IllegalArgumentException((label == null ? "no label" : "'" + label + "'") + " is not a "
                + type.getSimpleName() + "; one of "
                + Arrays.stream(TABLES.get(type).labels()).collect(Collectors.joining(", ")));
    }

    /** The constant with this label, or null when none has it. */
    public static <E extends Enum<E>> E find(Class<E> type, String label) {
        return label == null ? null : type.cast(TABLES.get(type).byLabel().get(label));
    }
}
