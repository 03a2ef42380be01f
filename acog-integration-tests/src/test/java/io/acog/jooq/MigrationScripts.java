package io.acog.jooq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * The migration scripts as the acog-jooq jar ships them, in version order, for applying them
 * the way psql would: each file as plain SQL, no Flyway.
 */
record MigrationScripts(int version, String file, String sql) {

    private static final String LOCATION = "io/acog/jooq/migration";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    static List<MigrationScripts> all() {
        List<String> files = new ArrayList<>();
        URL directory = MigrationScripts.class.getClassLoader().getResource(LOCATION);
        if (directory == null) {
            throw new IllegalStateException(LOCATION + " is not on the class path");
        }
        try {
            if (directory.getProtocol().equals("jar")) {
                try (JarFile jar = ((JarURLConnection) directory.openConnection()).getJarFile()) {
                    jar.stream()
                            .map(entry -> entry.getName())
                            .filter(name -> name.startsWith(LOCATION + "/"))
                            .map(name -> name.substring(LOCATION.length() + 1))
                            .filter(name -> !name.isEmpty())
                            .forEach(files::add);
                }
            } else {
                try (Stream<Path> paths = Files.list(Path.of(directory.toURI()))) {
                    paths.map(path -> path.getFileName().toString()).forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<MigrationScripts> scripts = new ArrayList<>();
        for (String file : files) {
            if (file.endsWith(".class")) {
                continue; // the package's package-info: it opens the package to Flyway on the module path
            }
            Matcher name = NAME.matcher(file);
            if (!name.matches()) {
                throw new IllegalStateException("not a versioned migration: " + file);
            }
            scripts.add(new MigrationScripts(Integer.parseInt(name.group(1)), file, read(file)));
        }
        scripts.sort(Comparator.comparingInt(MigrationScripts::version));
        return scripts;
    }

    static MigrationScripts version(int version) {
        return all().stream()
                .filter(script -> script.version == version)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no migration V" + version));
    }

    /** Runs the script as plain SQL over JDBC (no jOOQ templating, no Flyway), like {@code psql -f}. */
    void applyTo(DSLContext db) {
        db.connection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }

    private static String read(String file) {
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(LOCATION + "/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
