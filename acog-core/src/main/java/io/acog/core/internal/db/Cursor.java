package io.acog.core.internal.db;

import io.acog.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** A keyset position (created_at, id) as an opaque, URL-safe string. */
public record Cursor(OffsetDateTime createdAt, UUID id) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt.toInstant());
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((micros + "/" + id).getBytes(StandardCharsets.US_ASCII));
    }

    public static Cursor decode(String entity, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int slash = text.indexOf('/');
            long micros = Long.parseLong(text.substring(0, slash));
            UUID id = UUID.fromString(text.substring(slash + 1));
            return new Cursor(
                    OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC), id);
        } catch (RuntimeException e) {
            throw new ValidationException(
                    entity, "cursor", Checks.show(cursor) + " is not a cursor this listing returned");
        }
    }
}
