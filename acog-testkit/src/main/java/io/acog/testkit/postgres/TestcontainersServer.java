package io.acog.testkit.postgres;

/**
 * The Testcontainers path, in a class of its own: it is loaded only when Testcontainers is on the
 * class path, so hosts without it never link against it.
 */
final class TestcontainersServer {

    /** The image, overridable with ACOG_POSTGRES_IMAGE (e.g. for a registry mirror). */
    static final String DEFAULT_IMAGE = "postgres:17-alpine";

    private TestcontainersServer() {}

    static boolean dockerAnswers() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false,
                    TestcontainersServer.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return Docker.available();
    }

    static PostgresServer start() {
        return Docker.start(System.getenv().getOrDefault("ACOG_POSTGRES_IMAGE", DEFAULT_IMAGE));
    }

    /** Touches Testcontainers types; only reached once they are known to be present. */
    private static final class Docker {

        static boolean available() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        static PostgresServer start(String image) {
            org.testcontainers.postgresql.PostgreSQLContainer container =
                    new org.testcontainers.postgresql.PostgreSQLContainer(image)
                            .withCommand("postgres", "-c", "fsync=off", "-c", "full_page_writes=off",
                                    "-c", "synchronous_commit=off", "-c", "max_connections=300");
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new PostgresProvisioningException("Cannot start a PostgreSQL container from "
                        + image + ": " + e.getMessage(), e);
            }
            return new Cluster(Provisioning.TESTCONTAINERS, container.getJdbcUrl(),
                    container.getUsername(), container.getPassword(), image, container::stop);
        }
    }
}
