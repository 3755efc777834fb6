package com.revos.voice.simulator.calls.application;

/** Serializes webhook payloads; the exact bytes produced are the bytes that get signed. */
public interface JsonEncoder {

    String encode(Object value);
}
