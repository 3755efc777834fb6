package com.revos.voice.events;

/** A record on the bus that is not a valid event of our contract: it belongs on a dead-letter topic, not retried. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
