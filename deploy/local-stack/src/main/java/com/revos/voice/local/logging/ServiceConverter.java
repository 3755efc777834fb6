package com.revos.voice.local.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %service} in a log pattern: the name of the service whose thread logged the line. */
public final class ServiceConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return ServiceName.current();
    }
}
