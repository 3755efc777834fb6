package com.revos.voice.local;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.revos.voice.service.ConfiguredSecrets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Watches every log line of the JVM (message, arguments and stack trace) for secret values, and keeps only the
 * lines that contain one: a whole-product run logs too much to keep it all. The secrets are every value each
 * service is configured with, as {@link ConfiguredSecrets} reads them (the list the services' start is checked
 * against), collected while each service starts, plus the tokens a test adds; the watch covers the starts too.
 */
final class SecretsInLogs extends AppenderBase<ILoggingEvent> {

    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private final Map<String, List<String>> configured = new LinkedHashMap<>();
    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final AtomicLong lines = new AtomicLong();

    private SecretsInLogs() {
    }

    /**
     * Starts the services in {@code starts} under the watch. Spring Boot resets Logback as each service's environment
     * is ready, which detaches every appender: the watch attaches itself again right after (a run listener that
     * follows Boot's own), and takes that service's configured secrets then, before the service logs its start.
     */
    static <T> Started<T> whileStarting(Supplier<T> starts) {
        var watcher = new SecretsInLogs();
        watcher.setName("secrets-in-logs");
        var result = SpringApplication.withHook(application -> new SpringApplicationRunListener() {
            @Override
            public void environmentPrepared(ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
                watcher.attach();
                var values = ConfiguredSecrets.of(environment);
                watcher.secrets.addAll(values);
                synchronized (watcher.configured) {
                    watcher.configured.put(environment.getProperty("spring.config.name",
                            String.valueOf(application.getMainApplicationClass())), values);
                }
            }
        }, starts::get);
        watcher.attach();
        return new Started<>(watcher, result);
    }

    /** The watch and what the starts returned. */
    record Started<T>(SecretsInLogs watch, T services) {
    }

    /**
     * Watches these values too (the tokens a test uses). The product's own loggers go to DEBUG from now on: the more
     * it says, the more a leak would show (a quiet run at INFO says almost nothing).
     */
    SecretsInLogs alsoWatch(String... values) {
        secrets.addAll(List.of(values));
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("com.revos").setLevel(Level.DEBUG);
        return this;
    }

    /** The secret values each started service is configured with, by service. */
    Map<String, List<String>> configured() {
        synchronized (configured) {
            return Map.copyOf(configured);
        }
    }

    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    private synchronized void attach() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        setContext(context);
        if (!isStarted()) {
            start();
        }
        if (root.getAppender(getName()) == null) {
            root.addAppender(this);
        }
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
