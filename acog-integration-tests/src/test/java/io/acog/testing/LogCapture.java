package io.acog.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * What one logger (and those below it) says during each test, from a level up:
 * {@code @RegisterExtension final LogCapture log = LogCapture.warnings("io.acog.…");}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

    private final Logger logger;
    private final Level level;
    private Level before;
    private ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String loggerName, Level level) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.level = level;
    }

    /** WARN and above. */
    public static LogCapture warnings(String loggerName) {
        return new LogCapture(loggerName, Level.WARN);
    }

    /** Everything, DEBUG included. */
    public static LogCapture everything(String loggerName) {
        return new LogCapture(loggerName, Level.DEBUG);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender = new ListAppender<>();
        before = logger.getLevel();
        logger.setLevel(level);
        appender.start();
        logger.addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(appender);
        logger.setLevel(before);
    }

    /** The messages logged so far in this test, formatted. */
    public List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The messages logged so far at exactly this level, formatted. */
    public List<String> messages(Level at) {
        return appender.list.stream()
                .filter(event -> event.getLevel() == at)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /**
     * Everything logged so far as an appender would write it: each message with its level, and
     * the error's stack trace with its causes when one was logged.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            text.append(event.getLevel())
                    .append(' ')
                    .append(event.getFormattedMessage())
                    .append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy()))
                        .append('\n');
            }
        }
        return text.toString();
    }
}
