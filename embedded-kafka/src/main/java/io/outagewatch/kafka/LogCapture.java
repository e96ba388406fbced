package io.outagewatch.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Test support for secret-leak checks: while open, every log4j2 event of this JVM at {@link #LEVEL}
 * or above (OutageWatch's own at {@link #OWN_LEVEL}), with its stack trace, and everything written
 * to {@code System.out} and {@code System.err} are kept, so a test can assert that no token,
 * password or JAAS string appears.
 *
 * <p>Logger levels are lowered to {@link #LEVEL} for the capture only; the console appenders of the
 * test configuration keep their previous threshold, so the build output does not grow. Not for
 * concurrent use by parallel tests.
 */
public final class LogCapture implements AutoCloseable {

    /** INFO is where Kafka prints client configurations; lower would flood the capture. */
    public static final Level LEVEL = Level.INFO;

    /** OutageWatch's own code is captured down to DEBUG. */
    public static final Level OWN_LEVEL = Level.DEBUG;

    private static final String OWN_LOGGER = "io.outagewatch";

    private static final String NAME = "outagewatch-log-capture";

    private final LoggerContext context;
    private final Appender appender;
    private final Map<LoggerConfig, Level> previousLevels = new HashMap<>();
    private final Map<Appender, Level> rootAppenders = new HashMap<>();
    private final StringBuilder logs = new StringBuilder();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream previousOut = System.out;
    private final PrintStream previousErr = System.err;
    private final boolean addedOwnLogger;

    private LogCapture() {
        context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        Level rootLevel = root.getLevel();
        // Re-attach the existing root appenders with the root's old level as their threshold.
        for (Appender existing : List.copyOf(root.getAppenders().values())) {
            rootAppenders.put(existing, rootLevel);
            root.removeAppender(existing.getName());
            root.addAppender(existing, rootLevel, null);
        }
        appender = new CollectingAppender();
        appender.start();
        config.addAppender(appender);
        // The root is usually among getLoggers() too; a set keeps its level from being recorded
        // after it was lowered.
        Set<LoggerConfig> loggers = new LinkedHashSet<>(config.getLoggers().values());
        loggers.add(root);
        for (LoggerConfig logger : loggers) {
            previousLevels.put(logger, logger.getLevel());
            if (logger.getLevel().isLessSpecificThan(LEVEL)) {
                continue;
            }
            logger.setLevel(LEVEL);
        }
        addedOwnLogger = !config.getLoggerConfig(OWN_LOGGER).getName().equals(OWN_LOGGER);
        if (addedOwnLogger) {
            config.addLogger(OWN_LOGGER, new LoggerConfig(OWN_LOGGER, OWN_LEVEL, true));
        } else {
            LoggerConfig own = config.getLoggerConfig(OWN_LOGGER);
            if (!own.getLevel().isLessSpecificThan(OWN_LEVEL)) {
                own.setLevel(OWN_LEVEL);
            }
        }
        root.addAppender(appender, null, null);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive()) {
                logger.addAppender(appender, null, null);
            }
        }
        context.updateLoggers();
        PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(new Tee(previousOut, tee), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(previousErr, tee), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing; close it to stop. */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** Everything captured so far: log events with their stack traces, then stdout and stderr. */
    public synchronized String text() {
        return logs + "\n" + console.toString(StandardCharsets.UTF_8);
    }

    /** How many log events were captured, to show a check did look at something. */
    public synchronized int events() {
        return eventCount;
    }

    private int eventCount;

    private synchronized void append(LogEvent event) {
        eventCount++;
        logs.append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(" - ")
                .append(event.getMessage().getFormattedMessage())
                .append('\n');
        Throwable thrown = event.getThrown();
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            logs.append(trace).append('\n');
        }
    }

    @Override
    public void close() {
        System.setOut(previousOut);
        System.setErr(previousErr);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(NAME);
        }
        if (addedOwnLogger) {
            config.removeLogger(OWN_LOGGER);
        }
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(NAME);
        previousLevels.forEach(LoggerConfig::setLevel);
        rootAppenders.forEach(
                (existing, level) -> {
                    root.removeAppender(existing.getName());
                    root.addAppender(existing, null, null);
                });
        context.updateLoggers();
        appender.stop();
    }

    private final class CollectingAppender extends AbstractAppender {
        CollectingAppender() {
            super(NAME, null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            LogCapture.this.append(event);
        }
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends java.io.OutputStream {
        private final PrintStream original;
        private final PrintStream capture;

        Tee(PrintStream original, PrintStream capture) {
            this.original = original;
            this.capture = capture;
        }

        @Override
        public void write(int b) {
            original.write(b);
            capture.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            original.write(b, off, len);
            capture.write(b, off, len);
        }
    }
}
