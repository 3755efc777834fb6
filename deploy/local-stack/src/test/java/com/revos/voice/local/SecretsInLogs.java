package com.revos.voice.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Watches every log line of the JVM (message, arguments and stack trace) for secret values, and keeps only the
 * lines that contain one: a whole-product run logs too much to keep it all.
 */
final class SecretsInLogs extends AppenderBase<ILoggingEvent> {

    private final List<String> secrets;
    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final AtomicLong lines = new AtomicLong();

    private SecretsInLogs(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /**
     * Attached to the root logger; Spring Boot resets Logback when a service starts, so attach after the starts. The
     * product's own loggers go to DEBUG meanwhile: the more it says, the more a leak would show (a quiet run at INFO
     * says almost nothing).
     */
    static SecretsInLogs watch(List<String> secrets) {
        var watcher = new SecretsInLogs(secrets);
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        watcher.setContext(context);
        watcher.setName("secrets-in-logs");
        watcher.start();
        context.getLogger("com.revos").setLevel(Level.DEBUG);
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(watcher);
        return watcher;
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.incrementAndGet();
        var text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                : ThrowableProxyUtil.asString(event.getThrowableProxy()));
        for (var secret : secrets) {
            if (text.contains(secret)) {
                leaks.add(event.getLoggerName() + ": a configured secret (" + secret.length() + " chars) in: "
                        + text.replace(secret, "<secret>").lines().findFirst().orElse(""));
            }
        }
    }

    List<String> leaks() {
        return List.copyOf(leaks);
    }

    long lines() {
        return lines.get();
    }
}
