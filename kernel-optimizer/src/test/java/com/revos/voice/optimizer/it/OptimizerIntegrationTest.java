package com.revos.voice.optimizer.it;

import com.revos.voice.testsupport.RevosIntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Every kernel-optimizer IT shares this one annotation, so they share one cached context. The Streams application
 * id is unique per context: tests of one JVM share the broker, and a stale id would resume old offsets and state.
 * The context closes at JVM exit while the broker stops beside it, so Streams may not wait long for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@RevosIntegrationTest
@TestPropertySource(properties = {
        "spring.config.name=kernel-optimizer",
        "revos.optimizer.streams.application-id=kernel-optimizer-it-${random.uuid}",
        "revos.optimizer.streams.close-timeout=3s"})
public @interface OptimizerIntegrationTest {
}
