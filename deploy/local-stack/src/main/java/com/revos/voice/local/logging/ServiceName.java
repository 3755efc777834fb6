package com.revos.voice.local.logging;

import java.util.concurrent.Callable;

/**
 * Which part of the local stack a thread works for. In one JVM the services share one logging system, so the name
 * cannot come from each application's {@code spring.application.name} (the first one started would label every line);
 * it is inherited instead: every thread a service starts while it starts, and every thread those start later, carry
 * the name of the service (ADR 0017).
 */
public final class ServiceName {

    /** Threads of the stack itself (start-up, shutdown, the shared pools). */
    public static final String STACK = "local-stack";

    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private ServiceName() {
    }

    public static String current() {
        var name = CURRENT.get();
        return name == null ? STACK : name;
    }

    /** Runs {@code action} (which starts a part of the stack) under {@code name}, then restores the caller's. */
    public static <T> T callAs(String name, Callable<T> action) {
        var previous = CURRENT.get();
        CURRENT.set(name);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed to start: " + e.getMessage(), e);
        } finally {
            CURRENT.set(previous);
        }
    }
}
