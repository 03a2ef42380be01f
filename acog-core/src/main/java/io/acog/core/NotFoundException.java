package io.acog.core;

/** The entity does not exist, or is soft-deleted where only live entities qualify. */
public class NotFoundException extends AcogException {

    private static final long serialVersionUID = 1L;

    /** What was looked for. */
    private final String entity;
    /** How it was looked for. */
    private final String key;

    /**
     * Creates the exception; the message reads e.g. {@code "channel with slug 'cosmos' not found"}.
     *
     * @param entity what was looked for, e.g. {@code "channel"}
     * @param key how it was looked for, e.g. {@code "id 3f2c…"} or {@code "slug 'cosmos'"}
     */
    public NotFoundException(String entity, String key) {
        super(entity + " with " + key + " not found");
        this.entity = entity;
        this.key = key;
    }

    /**
     * Returns what was looked for, e.g. {@code "channel"}.
     *
     * @return the entity's kind
     */
    public String entity() {
        return entity;
    }

    /**
     * Returns how it was looked for, e.g. {@code "slug 'cosmos'"}.
     *
     * @return the key, as in the message
     */
    public String key() {
        return key;
    }
}
