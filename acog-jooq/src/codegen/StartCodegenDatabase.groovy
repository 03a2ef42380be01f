// Starts the PostgreSQL that jooq-codegen-maven reads (see the codegen profile in ../../pom.xml):
// an embedded server with the migrations of src/main/resources/db/migration applied, its JDBC URL
// published as the project property acog.codegen.url. The stop-codegen-database execution closes
// it and deletes its data directory once the sources are generated (process-sources); zonky's
// shutdown hook still stops the server if the build ends earlier.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway

def server = EmbeddedPostgres.builder().start()
def url = server.getJdbcUrl('postgres', 'postgres')
def result = Flyway.configure(getClass().classLoader)
        .dataSource(url, 'postgres', null)
        .locations("filesystem:${project.basedir}/src/main/resources/db/migration")
        .table('acog_schema_history')
        .failOnMissingLocations(true)
        .load()
        .migrate()
log.info("codegen database at ${url}: ${result.migrationsExecuted} migration(s) applied, schema version ${result.targetSchemaVersion}")
project.properties.setProperty('acog.codegen.url', url)
project.setContextValue('acog.codegen.server', server)
