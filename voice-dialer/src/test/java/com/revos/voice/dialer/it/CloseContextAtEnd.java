package com.revos.voice.dialer.it;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Closes the shared Spring context when the test plan ends, while the test JVM's Kafka broker and PostgreSQL still
 * run: left to the JVM's shutdown hooks, the context would close after (or while) they stop and hang on them.
 */
public class CloseContextAtEnd implements TestExecutionListener {

    private static final java.util.List<AutoCloseable> RESOURCES = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Closed at the end of the plan, in registration order. */
    static void register(AutoCloseable resource) {
        RESOURCES.add(resource);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        for (var resource : RESOURCES) {
            try {
                resource.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(CloseContextAtEnd.class).warn("Closing {} failed", resource, e);
            }
        }
    }
}
