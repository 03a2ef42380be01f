package io.acog.core;

/**
 * An argument was refused before anything reached the database. The message names the entity,
 * the field (as its column or JSON key), the offending value and the rule or limit it broke.
 */
public class ValidationException extends AcogException {

    private static final long serialVersionUID = 1L;

    /** The entity whose argument was refused. */
    private final String entity;
    /** The refused field. */
    private final String field;

    /**
     * Creates the exception; the message reads {@code entity.field problem}.
     *
     * @param entity e.g. {@code "channel"}
     * @param field e.g. {@code "slug"}
     * @param problem what is wrong, naming the value and the limit, e.g. {@code "'Cosmos!' is not
     *     lowercase letters, digits and single hyphens"}
     */
    public ValidationException(String entity, String field, String problem) {
        super(entity + "." + field + " " + problem);
        this.entity = entity;
        this.field = field;
    }

    /**
     * Returns the entity whose argument was refused, e.g. {@code "channel"}.
     *
     * @return the entity's kind
     */
    public String entity() {
        return entity;
    }

    /**
     * Returns the field as its column or JSON key, e.g. {@code "slug"} or {@code "script"}.
     *
     * @return the field's name
     */
    public String field() {
        return field;
    }
}
