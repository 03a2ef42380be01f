package io.acog.core.internal.store;

import io.acog.core.ValidationException;
import io.acog.core.internal.db.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an asset's bytes are: {@code s3://bucket/key} (bucket and key derived),
 * {@code https://host/...}, or {@code file:/absolute/path}.
 */
public record AssetLocation(String uri, String bucket, String key) {

    /** S3 bucket naming rules: 3 to 63 lowercase letters, digits, dots and hyphens. */
    private static final Pattern S3 = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)", Pattern.DOTALL);

    private static final String ALLOWED = "use s3://bucket/key, https://host/path or file:/absolute/path";

    public static AssetLocation parse(String entity, String field, String uri) {
        if (uri.startsWith("s3://")) {
            Matcher s3 = S3.matcher(uri);
            if (!s3.matches()) {
                throw new ValidationException(
                        entity,
                        field,
                        Checks.show(uri) + " is not an S3 URI"
                                + " with a valid bucket (3-63 lowercase letters, digits, dots, hyphens) and"
                                + " a key: s3://bucket/key");
            }
            return new AssetLocation(uri, s3.group(1), s3.group(2));
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new ValidationException(
                    entity, field, Checks.show(uri) + " is not a valid URI (" + e.getReason() + "); " + ALLOWED);
        }
        String scheme = parsed.getScheme();
        if ("https".equals(scheme)) {
            if (parsed.getHost() == null) {
                throw new ValidationException(entity, field, Checks.show(uri) + " has no host; " + ALLOWED);
            }
            return new AssetLocation(uri, null, null);
        }
        if ("file".equals(scheme)) {
            if (parsed.getPath() == null
                    || !parsed.getPath().startsWith("/")
                    || parsed.getPath().length() < 2) {
                throw new ValidationException(
                        entity, field, Checks.show(uri) + " is not an absolute file path; " + ALLOWED);
            }
            return new AssetLocation(uri, null, null);
        }
        throw new ValidationException(
                entity,
                field,
                Checks.show(uri) + " has " + (scheme == null ? "no scheme" : "the scheme '" + scheme + "'") + "; "
                        + ALLOWED);
    }
}
