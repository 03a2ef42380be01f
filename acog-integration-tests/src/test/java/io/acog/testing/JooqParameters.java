package io.acog.testing;

import io.acog.testkit.postgres.AcogPostgresExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a jOOQ {@link DSLContext} over the test's {@code @AcogPostgres} database into test
 * parameters: these tests check the schema and queries with jOOQ, which ACOG's testkit leaves to
 * its users. Registered for every test of this module (see {@code junit-platform.properties}).
 * Its connections are the test's own, outside the pool ACOG uses (see {@link Jooq#dsl}).
 */
public final class JooqParameters implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DSLContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Jooq.dsl(AcogPostgresExtension.database(context));
    }
}
