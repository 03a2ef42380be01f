package io.acog.core;

/** The entity does not exist, or is soft-deleted where only live entities qualify. */
public class NotFoundException extends AcogException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String key;

    /**
     * @param entity what was looked for, e.g. {@code "channel"}
     * @param key how it was looked for, e.g. {@code "id 3f2c…"} or {@code "slug 'cosmos'"}
     */
    public NotFoundException(String entity, String key) {
        super(entity + " with " + key + " not found");
        this.entity = entity;
        this.key = key;
    }

    /** What was looked for, e.g. {@code "channel"}. */
    public String entity() {
        return entity;
    }

    /** How it was looked for, e.g. {@code "slug 'cosmos'"}. */
    public String key() {
        return key;
    }
}
