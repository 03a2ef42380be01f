package io.acog.testkit.postgres;

import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/** JDBC URL helpers: what a URL sets, and how to show one without its secrets. */
final class JdbcUrls {

    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|sslpassword|sslkey)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@]*@");

    private JdbcUrls() {}

    /** The URL with every password (query parameters and {@code user:password@}) masked. */
    static String redact(String url) {
        String redacted = SECRET_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(redacted).replaceAll("$1***@");
    }

    /**
     * The connection properties a PostgreSQL JDBC URL sets.
     *
     * @throws PostgresProvisioningException when it is not a PostgreSQL JDBC URL
     */
    static Properties parse(String url, String variable) {
        Properties properties = Driver.parseURL(url, null);
        if (properties == null) {
            throw new PostgresProvisioningException(variable + "=" + redact(url)
                    + " is not a PostgreSQL JDBC URL; expected jdbc:postgresql://host:port/database");
        }
        return properties;
    }
}
