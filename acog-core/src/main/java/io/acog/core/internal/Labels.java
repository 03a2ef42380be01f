package io.acog.core.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The labels of ACOG's enums as stored and shown: the constant's name in lowercase (the database
 * enums' labels, checked against the generated ones by a test).
 */
public final class Labels {

    private Labels() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
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
        throw new IllegalArgumentException((label == null ? "no label" : "'" + label + "'")
                + " is not a " + type.getSimpleName() + "; one of "
                + Arrays.stream(type.getEnumConstants()).map(Labels::of).collect(Collectors.joining(", ")));
    }

    /** The constant with this label, or null when none has it. */
    public static <E extends Enum<E>> E find(Class<E> type, String label) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(label)) {
                return constant;
            }
        }
        return null;
    }
}
