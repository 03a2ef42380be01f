package io.acog.core.internal.secret;

import io.acog.core.internal.pipeline.stage.StageFailedException;
import io.acog.core.job.PermanentJobFailureException;
import io.acog.spi.ProviderException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of whatever ACOG stores, logs or tells a listener: every secret value ACOG
 * handed a provider (through the {@link io.acog.spi.ProviderConfig} it was built with) and the
 * common shapes of credentials (bearer tokens, passwords in URLs, keys in query strings and
 * headers, well-known API key formats) are replaced by {@value #MASK}. Applied to error messages,
 * their causes and stack traces alike. Thread-safe; the values remembered are process-wide, since
 * a secret must not leak through any pipeline of the process.
 */
public final class Redaction {

    /** What a secret is replaced by. */
    public static final String MASK = "***";

    /** Shorter values are not redacted by value (they would mangle ordinary words). */
    static final int SHORTEST_SECRET = 6;

    /** The longest error text recorded, in characters; the rest is cut. */
    public static final int LONGEST_ERROR = 4000;

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    /** Setting names whose values are secrets, by their last dotted part. */
    private static final Pattern SECRET_SETTING =
            Pattern.compile("(?i).*(key|secret|token|password|passwd|passphrase|credential|auth|signature).*");

    private record Shape(Pattern pattern, String replacement) {}

    private static final List<Shape> SHAPES = List.of(
            // scheme://user:password@host
            new Shape(Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@:]+:[^\\s/@]+@"), "$1" + MASK + "@"),
            // Authorization: Bearer x, Basic x
            new Shape(Pattern.compile("(?i)\\b(bearer|basic)(\\s+)(?!\\*\\*\\*)[A-Za-z0-9._~+/=-]{6,}"), "$1$2" + MASK),
            // ?api_key=x&token=y&X-Amz-Signature=z
            new Shape(
                    Pattern.compile("(?i)([?&;][^=&\\s#]*(?:key|token|secret|signature|password|credential|sig|auth)"
                            + "[^=&\\s#]*=)(?!\\*\\*\\*)[^&\\s#\"'<>]+"),
                    "$1" + MASK),
            // xi-api-key: x, "api_key": "x", password=x
            new Shape(
                    Pattern.compile("(?i)\\b((?:x-)?(?:xi-|goog-)?api[-_]?key|authorization|access[-_]?token"
                            + "|refresh[-_]?token|client[-_]?secret|secret[-_]?key|password|passwd)"
                            + "(\"?'?\\s*[:=]\\s*\"?'?)(?!\\*\\*\\*)(?!bearer\\b|basic\\b)[^\\s\"',;&}]+"),
                    "$1$2" + MASK),
            // well-known key formats: OpenAI and ElevenLabs, AWS, Google, JWTs, GitHub, Slack
            new Shape(
                    Pattern.compile("\\b(?:sk-[A-Za-z0-9_-]{16,}|sk_[A-Za-z0-9]{16,}|AKIA[0-9A-Z]{16}"
                            + "|AIza[0-9A-Za-z_-]{35}|ya29\\.[0-9A-Za-z_-]{16,}|1//0[0-9A-Za-z_-]{16,}"
                            + "|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"
                            + "|gh[pousr]_[A-Za-z0-9]{20,}|xox[abprs]-[A-Za-z0-9-]{10,})"),
                    MASK));

    private Redaction() {}

    /** Whether a setting of this name holds a secret, e.g. {@code elevenlabs.api-key}. */
    public static boolean isSecretSetting(String key) {
        if (key == null) {
            return false;
        }
        int dot = key.lastIndexOf('.');
        return SECRET_SETTING.matcher(key.substring(dot + 1)).matches();
    }

    /** Remembers a secret handed to a provider, so that it is redacted from now on. */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST_SECRET) {
            SECRETS.add(secret.strip());
        }
    }

    /** The text with every secret it holds replaced by {@value #MASK}; null for null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        if (!SECRETS.isEmpty()) {
            List<String> secrets = new ArrayList<>(SECRETS);
            secrets.sort(Comparator.comparingInt(String::length).reversed()); // a longer one first
            for (String secret : secrets) {
                if (redacted.contains(secret)) {
                    redacted = redacted.replace(secret, MASK);
                }
            }
        }
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(redacted);
            if (matcher.find()) {
                redacted = matcher.replaceAll(shape.replacement());
            }
        }
        return redacted;
    }

    /**
     * The error as it may be logged: itself when neither its message nor any cause's holds a
     * secret, else a {@link RedactedException} with the same class names, stack traces and cause
     * chain and the secrets masked.
     */
    public static Throwable redact(Throwable error) {
        if (error == null || !holdsSecret(error, 0)) {
            return error;
        }
        return RedactedException.of(error, 0);
    }

    /**
     * The error in one line, as stored and told: its message, after its type's simple name unless
     * it is a provider's failure or a handler's permanent one (whose messages say what failed),
     * redacted.
     */
    public static String describe(Throwable error) {
        String message = error.getMessage();
        String described = message == null || message.isBlank()
                ? error.getClass().getName()
                : speaksForItself(error) ? message : error.getClass().getSimpleName() + ": " + message;
        return redact(described);
    }

    /**
     * An error text as it may be recorded: redacted, with what PostgreSQL cannot store (the NUL
     * character, unpaired surrogates) replaced by U+FFFD, and cut to {@value #LONGEST_ERROR}
     * characters. A failure is recorded whatever its provider put in its message.
     */
    public static String recordable(String text) {
        if (text == null || text.isBlank()) {
            return "failed without a message";
        }
        String redacted = redact(text);
        StringBuilder clean = new StringBuilder(Math.min(redacted.length(), LONGEST_ERROR + 40));
        int kept = 0;
        for (int i = 0; i < redacted.length(); i++) {
            char c = redacted.charAt(i);
            if (kept == LONGEST_ERROR) {
                clean.append("… (").append(redacted.length() - i).append(" more characters)");
                break;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < redacted.length()
                    && Character.isLowSurrogate(redacted.charAt(i + 1))) {
                clean.append(c).append(redacted.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c)) {
                clean.append('\uFFFD');
            } else {
                clean.append(c);
            }
            kept++;
        }
        return clean.toString();
    }

    private static boolean speaksForItself(Throwable error) {
        return error instanceof ProviderException
                || error instanceof PermanentJobFailureException
                || error instanceof StageFailedException;
    }

    private static boolean holdsSecret(Throwable error, int depth) {
        if (depth > RedactedException.MAX_DEPTH) {
            return false;
        }
        String message = error.getMessage();
        if (message != null && !redact(message).equals(message)) {
            return true;
        }
        String text = error.toString();
        if (!redact(text).equals(text)) {
            return true;
        }
        for (Throwable suppressed : error.getSuppressed()) {
            if (holdsSecret(suppressed, depth + 1)) {
                return true;
            }
        }
        Throwable cause = error.getCause();
        return cause != null && cause != error && holdsSecret(cause, depth + 1);
    }
}
