package io.acog.core.internal.db;

import io.acog.core.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jooq.Field;

/**
 * Argument checks made before the database sees a value. Length limits come from the generated
 * jOOQ columns, i.e. from the schema itself: one place per fact.
 */
public final class Checks {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int SHOWN = 60;

    private Checks() {}

    /** A NOT NULL text column: present, not blank, within the column's length, storable. */
    public static String required(String entity, Field<String> column, String value) {
        if (value == null) {
            throw new ValidationException(entity, column.getName(), "is required");
        }
        if (value.isBlank()) {
            throw new ValidationException(entity, column.getName(), "is required, got " + show(value) + " (blank)");
        }
        return optional(entity, column, value);
    }

    /** A nullable text column: {@code null}, or within the column's length and storable. */
    public static String optional(String entity, Field<String> column, String value) {
        if (value == null) {
            return null;
        }
        storable(entity, column.getName(), value);
        int limit = column.getDataType().length();
        if (limit > 0) {
            int length = value.codePointCount(0, value.length());
            if (length > limit) {
                throw new ValidationException(
                        entity,
                        column.getName(),
                        "is " + length + " characters, over the limit of " + limit + ": " + show(value));
            }
        }
        return value;
    }

    /** A URL-safe slug: lowercase letters and digits in words joined by single hyphens. */
    public static String slug(String entity, Field<String> column, String value, boolean required) {
        String checked = required ? required(entity, column, value) : optional(entity, column, value);
        if (checked != null && !SLUG.matcher(checked).matches()) {
            throw new ValidationException(
                    entity,
                    column.getName(),
                    show(checked) + " is not a"
                            + " slug: lowercase letters a-z and digits, words joined by single hyphens,"
                            + " e.g. 'black-holes-101'");
        }
        return checked;
    }

    /**
     * Text PostgreSQL can store verbatim: no NUL character (text and jsonb cannot hold U+0000) and
     * no unpaired UTF-16 surrogate (it has no UTF-8 form).
     */
    public static String storable(String entity, String field, String value) {
        String problem = value == null ? null : unstorable(value);
        if (problem != null) {
            throw new ValidationException(entity, field, problem);
        }
        return value;
    }

    /**
     * Why PostgreSQL cannot store the text verbatim (see {@link #storable}), e.g. {@code "contains
     * the NUL character (U+0000) at index 3, which PostgreSQL cannot store"}; {@code null} when it
     * can.
     */
    public static String unstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return "contains the NUL character (U+0000) at index " + i + ", which PostgreSQL cannot store";
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at index " + i
                        + ", which is not valid Unicode text";
            }
        }
        return null;
    }

    /** JSON text bound for a JSONB column: no NUL escape, valid Unicode. */
    public static String json(String entity, String field, String json) {
        storable(entity, field, json);
        int nul = json.indexOf("\\u0000");
        if (nul >= 0) {
            throw new ValidationException(
                    entity,
                    field,
                    "holds a string with the NUL character" + " (U+0000), which PostgreSQL's jsonb cannot store");
        }
        return json;
    }

    public static int nonNegative(String entity, String field, int value) {
        if (value < 0) {
            throw new ValidationException(entity, field, "is " + value + ", must be 0 or more");
        }
        return value;
    }

    public static long nonNegative(String entity, String field, long value) {
        if (value < 0) {
            throw new ValidationException(entity, field, "is " + value + ", must be 0 or more");
        }
        return value;
    }

    /** A page size between 1 and {@code max}. */
    public static int pageSize(String entity, int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new ValidationException(entity, "limit", "is " + limit + ", must be between 1" + " and " + max);
        }
        return limit;
    }

    public static <T> T notNull(String entity, String field, T value) {
        if (value == null) {
            throw new ValidationException(entity, field, "is required");
        }
        return value;
    }

    /** A value quoted for a message: control characters escaped, long values cut. */
    public static String show(String value) {
        StringBuilder shown = new StringBuilder("'");
        int end = Math.min(value.length(), SHOWN);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", (int) c));
            } else {
                shown.append(c);
            }
        }
        shown.append('\'');
        if (value.length() > SHOWN) {
            shown.append("… (").append(value.length()).append(" chars)");
        }
        return shown.toString();
    }
}
