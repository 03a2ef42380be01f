package io.acog.testkit.postgres;

import java.lang.reflect.InvocationTargetException;

/**
 * The Testcontainers path, in a class of its own, through reflection: taken only when
 * Testcontainers is on the class path and a Docker engine answers, so hosts without it never link
 * against it.
 */
final class TestcontainersServer {

    /** The image, overridable with ACOG_POSTGRES_IMAGE (e.g. for a registry mirror). */
    static final String DEFAULT_IMAGE = "postgres:17-alpine";

    private TestcontainersServer() {}

    static boolean dockerAnswers() {
        return Docker.available();
    }

    static PostgresServer start() {
        return Docker.start(System.getenv().getOrDefault("ACOG_POSTGRES_IMAGE", DEFAULT_IMAGE));
    }

    /**
     * Testcontainers through reflection: its jars split packages between them, so they cannot be
     * modules, and the testkit (a module) links against them only when they are on the class path
     * and a Docker engine answers.
     */
    private static final class Docker {

        static boolean available() {
            try {
                Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
                Object instance = factory.getMethod("instance").invoke(null);
                return (Boolean) factory.getMethod("isDockerAvailable").invoke(instance);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return false;
            }
        }

        static PostgresServer start(String image) {
            Object container;
            try {
                Class<?> type = Class.forName("org.testcontainers.postgresql.PostgreSQLContainer");
                container = type.getConstructor(String.class).newInstance(image);
                type.getMethod("withCommand", String[].class).invoke(container, (Object) new String[] {
                    "postgres",
                    "-c",
                    "fsync=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "max_connections=300"
                });
                type.getMethod("start").invoke(container);
                Object started = container;
                return new Cluster(
                        Provisioning.TESTCONTAINERS,
                        call(type, started, "getJdbcUrl"),
                        call(type, started, "getUsername"),
                        call(type, started, "getPassword"),
                        image,
                        () -> stop(type, started));
            } catch (InvocationTargetException e) {
                throw new PostgresProvisioningException(
                        "Cannot start a PostgreSQL container from " + image + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new PostgresProvisioningException(
                        "Cannot start a PostgreSQL container from "
                                + image + " (this Testcontainers version is not one the testkit knows): "
                                + e.getMessage(),
                        e);
            }
        }

        private static String call(Class<?> type, Object container, String getter) throws ReflectiveOperationException {
            return (String) type.getMethod(getter).invoke(container);
        }

        private static void stop(Class<?> type, Object container) {
            try {
                type.getMethod("stop").invoke(container);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the JVM is exiting; Testcontainers' own reaper removes the container
            }
        }
    }
}
