package com.revos.voice.optimizer.campaign.model;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The most recent attempts of a campaign, bounded by count and by age, kept as a ring of primitive arrays with
 * running counts: adding an attempt is O(1) and the state serializes compactly (26 bytes per attempt), which matters
 * because the stream processor stores it after every event.
 * Age is measured against the campaign's stream time (the newest event time seen), never the wall clock.
 */
final class SlidingWindow {

    private static final byte FAILED = 1;
    private static final byte CONNECTED = 2;
    private static final byte QUALIFIED = 4;
    private static final byte ABANDONED = 8;

    private long[] times;
    private long[] callHigh;
    private long[] callLow;
    private byte[] flags;
    private int head;
    private int size;
    private int failed;
    private int connected;
    private int qualified;
    private int abandoned;

    SlidingWindow(int capacity) {
        allocate(Math.max(capacity, 8));
    }

    private void allocate(int capacity) {
        times = new long[capacity];
        callHigh = new long[capacity];
        callLow = new long[capacity];
        flags = new byte[capacity];
    }

    /** Adds an attempt, then drops what falls out by count or by age. */
    void add(Attempt attempt, int maxSize, Duration maxAge, long streamTime) {
        if (size == times.length) {
            grow(Math.max(times.length * 2, maxSize));
        }
        var index = (head + size) % times.length;
        times[index] = attempt.at().toEpochMilli();
        callHigh[index] = attempt.callId() == null ? 0 : attempt.callId().getMostSignificantBits();
        callLow[index] = attempt.callId() == null ? 0 : attempt.callId().getLeastSignificantBits();
        byte f = (byte) ((attempt.failed() ? FAILED : 0) | (attempt.connected() ? CONNECTED : 0)
                | (attempt.qualified() ? QUALIFIED : 0) | (attempt.abandoned() ? ABANDONED : 0));
        flags[index] = f;
        size++;
        count(f, 1);
        trim(maxSize, maxAge, streamTime);
    }

    /**
     * Drops the oldest attempts beyond the size and those older than the age limit. Attempts are kept in arrival
     * order, so an out-of-order attempt leaves with its arrival neighbours; close enough for rates over hundreds.
     */
    void trim(int maxSize, Duration maxAge, long streamTime) {
        while (size > maxSize) {
            removeHead();
        }
        var oldest = streamTime - maxAge.toMillis();
        while (size > 0 && times[head] < oldest) {
            removeHead();
        }
    }

    void clear() {
        head = 0;
        size = 0;
        failed = 0;
        connected = 0;
        qualified = 0;
        abandoned = 0;
    }

    Metrics metrics() {
        return new Metrics(size, failed, connected, qualified, abandoned);
    }

    /** Calls that connected but did not qualify, newest first: the evidence for a script change. */
    List<UUID> poorCalls(int limit) {
        var result = new ArrayList<UUID>();
        for (int i = size - 1; i >= 0 && result.size() < limit; i--) {
            var index = (head + i) % times.length;
            if ((flags[index] & (CONNECTED | QUALIFIED)) == CONNECTED) {
                result.add(new UUID(callHigh[index], callLow[index]));
            }
        }
        return result;
    }

    private void removeHead() {
        count(flags[head], -1);
        head = (head + 1) % times.length;
        size--;
    }

    private void count(byte f, int delta) {
        if ((f & FAILED) != 0) {
            failed += delta;
        }
        if ((f & CONNECTED) != 0) {
            connected += delta;
        }
        if ((f & QUALIFIED) != 0) {
            qualified += delta;
        }
        if ((f & ABANDONED) != 0) {
            abandoned += delta;
        }
    }

    private void grow(int capacity) {
        var oldTimes = times;
        var oldHigh = callHigh;
        var oldLow = callLow;
        var oldFlags = flags;
        allocate(capacity);
        for (int i = 0; i < size; i++) {
            var from = (head + i) % oldTimes.length;
            times[i] = oldTimes[from];
            callHigh[i] = oldHigh[from];
            callLow[i] = oldLow[from];
            flags[i] = oldFlags[from];
        }
        head = 0;
    }

    int serializedSize() {
        return 4 + size * 25;
    }

    void writeTo(ByteBuffer out) {
        out.putInt(size);
        for (int i = 0; i < size; i++) {
            var index = (head + i) % times.length;
            out.putLong(times[index]).putLong(callHigh[index]).putLong(callLow[index]).put(flags[index]);
        }
    }

    static SlidingWindow readFrom(ByteBuffer in) {
        var count = in.getInt();
        var window = new SlidingWindow(count + 1);
        for (int i = 0; i < count; i++) {
            window.times[i] = in.getLong();
            window.callHigh[i] = in.getLong();
            window.callLow[i] = in.getLong();
            window.flags[i] = in.get();
            window.count(window.flags[i], 1);
        }
        window.size = count;
        return window;
    }
}
