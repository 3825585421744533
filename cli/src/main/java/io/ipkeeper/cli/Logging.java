package io.ipkeeper.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.ipkeeper.cli.config.Settings.LogFormat;
import io.ipkeeper.cli.config.Settings.LogLevel;
import org.slf4j.LoggerFactory;

/**
 * Logs always go to stderr, so stdout stays clean for command output (JSON, tables). Libraries that are chatty at INFO
 * (connection pool, Jetty, Flyway) are held at WARN unless the user asks for debug.
 */
final class Logging {
    private static final String[] CHATTY = {"com.zaxxer.hikari", "org.eclipse.jetty", "org.flywaydb", "io.javalin"};

    private Logging() {}

    static void configure(LogFormat format, LogLevel level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (e.g. in an embedding application): leave its configuration alone
        }
        context.reset();
        Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? jsonEncoder(context) : textEncoder(context);
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
        root.addAppender(appender);
        boolean verbose = level == LogLevel.DEBUG || level == LogLevel.TRACE;
        for (String name : CHATTY) {
            context.getLogger(name).setLevel(verbose ? Level.INFO : Level.WARN);
        }
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(context);
        e.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n%ex{short}");
        e.start();
        return e;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder e = new JsonEncoder();
        e.setContext(context);
        e.setWithSequenceNumber(false);
        e.setWithNanoseconds(false);
        e.setWithContext(false);
        e.start();
        return e;
    }
}
