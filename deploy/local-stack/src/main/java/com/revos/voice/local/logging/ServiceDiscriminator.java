package com.revos.voice.local.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.sift.AbstractDiscriminator;

/** Sorts log events into one file per service, by the name the logging thread inherited. */
public final class ServiceDiscriminator extends AbstractDiscriminator<ILoggingEvent> {

    @Override
    public String getDiscriminatingValue(ILoggingEvent event) {
        return ServiceName.current();
    }

    @Override
    public String getKey() {
        return "service";
    }
}
