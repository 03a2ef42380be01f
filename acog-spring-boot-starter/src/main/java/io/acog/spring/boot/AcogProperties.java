package io.acog.spring.boot;

/** SKELETON (issue 14): the {@code acog.*} properties. */
public class AcogProperties {

    /** Creates the defaults. */
    public AcogProperties() {}
}
