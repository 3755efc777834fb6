package com.revos.voice.local.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets errors reach the console only while the stack runs: once Ctrl-C stops it, the parts that go down complain
 * about the parts already gone (a relay about its broker); that is in the log files, not news for the console.
 */
public final class WhileRunning extends Filter<ILoggingEvent> {

    private static volatile boolean stopping;

    public static void stopping() {
        stopping = true;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return stopping ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
