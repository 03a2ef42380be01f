package io.acog.micrometer;

import java.util.regex.Pattern;

/** How a failed read is described in a log line: its class and message, without credentials. */
final class Failures {

    /** {@code password=...}, {@code secret: ...} and the like, in a URL's query or a message. */
    private static final Pattern SETTING =
            Pattern.compile("(?i)((?:password|passwd|pwd|secret|token|key)\\s*[=:]\\s*)[^\\s&;,)]+");
    /** {@code user:password@host} in a URL. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^/@\\s]+@");

    private Failures() {}

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null) {
            return failure.getClass().getName();
        }
        String masked = SETTING.matcher(message).replaceAll("$1***");
        masked = USER_INFO.matcher(masked).replaceAll("$1***@");
        return failure.getClass().getName() + ": " + masked;
    }
}
