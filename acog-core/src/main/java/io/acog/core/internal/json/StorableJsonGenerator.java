package io.acog.core.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes a column's JSON and refuses, as it goes, what PostgreSQL or JSON cannot hold, naming the
 * key path where it is (the column, then keys and list positions: {@code persona.quirks[2]}): text
 * with a NUL character or an unpaired surrogate (in values and keys), numbers that are NaN or
 * infinite, and nesting deeper than the codec's limit (a map or list that contains itself ends
 * there too). Checking while writing is what knows the path; the finished text would not.
 */
final class StorableJsonGenerator extends JsonGeneratorDelegate {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /** A path this many keys deep is cut in messages: the first keys say where, the depth how deep. */
    private static final int SHOWN_KEYS = 6;

    private final String entity;
    private final String column;
    private final int levelsAbove;
    private final int maxDepth;

    /**
     * @param levelsAbove how many objects of the column hold what this writes (1 for a value
     *     stored under one key of it), counted into the depth
     */
    StorableJsonGenerator(JsonGenerator generator, String entity, String column, int levelsAbove, int maxDepth) {
        // false: writeObject() and writeTree() go through this generator, not around it
        super(generator, false);
        this.entity = entity;
        this.column = column;
        this.levelsAbove = levelsAbove;
        this.maxDepth = maxDepth;
    }

    /** Where the next value goes: the column's path to it. */
    String path() {
        return path(false);
    }

    private String path(boolean key) {
        Deque<String> segments = new ArrayDeque<>();
        JsonStreamContext context = getOutputContext();
        boolean innermost = true;
        for (; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                // the innermost array has not counted the element being written yet
                int index = context.getCurrentIndex() + (innermost ? 1 : 0);
                segments.addFirst("[" + index + "]");
            } else if (context.getCurrentName() != null && !(innermost && key)) {
                String name = context.getCurrentName();
                segments.addFirst(PLAIN_KEY.matcher(name).matches() ? "." + name : "[" + Checks.show(name) + "]");
            }
            innermost = false;
        }
        StringBuilder path = new StringBuilder(column);
        int shown = 0;
        for (String segment : segments) {
            if (shown++ == SHOWN_KEYS) {
                return path.append("…").toString();
            }
            path.append(segment);
        }
        return path.toString();
    }

    private void text(String value) {
        String problem = Checks.unstorable(value);
        if (problem != null) {
            throw new ValidationException(entity, path(), problem);
        }
    }

    private void key(String name) {
        String problem = name == null ? null : Checks.unstorable(name);
        if (problem != null) {
            throw new ValidationException(
                    entity, path(true), "has the key " + Checks.show(name) + ", which " + problem);
        }
    }

    private void number(double value) {
        if (!Double.isFinite(value)) {
            throw new ValidationException(
                    entity,
                    path(),
                    "is " + value + ", but a JSON number must be finite: NaN and infinities have no"
                            + " JSON form (store null, or a string that says what it means)");
        }
    }

    /** An object or array about to open: refused past the depth limit, saying whether it is a cycle. */
    private void open(Object value) {
        int depth = levelsAbove + getOutputContext().getNestingDepth() + 1;
        if (depth <= maxDepth) {
            return;
        }
        for (JsonStreamContext context = getOutputContext(); value != null && context != null; ) {
            if (context.getCurrentValue() == value) {
                throw new ValidationException(
                        entity,
                        path(),
                        "contains itself (a map, list or record that holds itself, directly or"
                                + " further down), which JSON cannot represent");
            }
            context = context.getParent();
        }
        throw new ValidationException(
                entity,
                path(),
                "is nested " + depth + " levels deep (objects and lists, counting the column's own),"
                        + " over the limit of " + maxDepth);
    }

    @Override
    public void writeStartObject() throws IOException {
        open(null);
        super.writeStartObject();
    }

    @Override
    public void writeStartObject(Object forValue) throws IOException {
        open(forValue);
        super.writeStartObject(forValue);
    }

    @Override
    public void writeStartObject(Object forValue, int size) throws IOException {
        open(forValue);
        super.writeStartObject(forValue, size);
    }

    @Override
    public void writeStartArray() throws IOException {
        open(null);
        super.writeStartArray();
    }

    @Override
    public void writeStartArray(int size) throws IOException {
        open(null);
        super.writeStartArray(size);
    }

    @Override
    public void writeStartArray(Object forValue) throws IOException {
        open(forValue);
        super.writeStartArray(forValue);
    }

    @Override
    public void writeStartArray(Object forValue, int size) throws IOException {
        open(forValue);
        super.writeStartArray(forValue, size);
    }

    @Override
    public void writeFieldName(String name) throws IOException {
        key(name);
        super.writeFieldName(name);
    }

    @Override
    public void writeFieldName(SerializableString name) throws IOException {
        key(name.getValue());
        super.writeFieldName(name);
    }

    @Override
    public void writeString(String value) throws IOException {
        if (value != null) {
            text(value);
        }
        super.writeString(value);
    }

    @Override
    public void writeString(char[] value, int offset, int length) throws IOException {
        text(new String(value, offset, length));
        super.writeString(value, offset, length);
    }

    @Override
    public void writeString(SerializableString value) throws IOException {
        text(value.getValue());
        super.writeString(value);
    }

    @Override
    public void writeNumber(double value) throws IOException {
        number(value);
        super.writeNumber(value);
    }

    @Override
    public void writeNumber(float value) throws IOException {
        number(value);
        super.writeNumber(value);
    }
}
