package com.revos.voice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A port for a server that cannot bind port 0 and report what it got (PostgreSQL, a broker that must come back on
 * the same port, a Prometheus read by URL). The port comes from a range below the kernel's ephemeral range
 * (32768-60999 on Linux), so no outgoing connection and no {@code bind(0)} is ever handed it, and it is held by an
 * exclusive file lock while in use, so no other test JVM on the machine (another module, another worktree) takes
 * it. The lock is the operating system's: a JVM that dies releases it. Opening and closing a socket to "find a free
 * port" is a race that another process wins now and then (issue 14, ADR 0017).
 */
public final class ReservedPorts {

    static final int FIRST = 20_000;
    static final int LAST = 29_999;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "revos-reserved-ports");

    private ReservedPorts() {
    }

    /** A port of the range that is neither held by another reservation nor bound by anything; close to release. */
    public static Reservation reserve() {
        try {
            Files.createDirectories(LOCKS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + LOCKS, e);
        }
        var size = LAST - FIRST + 1;
        var start = ThreadLocalRandom.current().nextInt(size);
        for (int i = 0; i < size; i++) {
            var port = FIRST + (start + i) % size;
            var reservation = tryReserve(port);
            if (reservation.isPresent()) {
                return reservation.get();
            }
        }
        throw new IllegalStateException("Every port of " + FIRST + "-" + LAST + " is reserved or in use");
    }

    private static Optional<Reservation> tryReserve(int port) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(LOCKS.resolve(port + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            var lock = channel.tryLock();
            if (lock == null || !bindable(port)) {
                channel.close();
                return Optional.empty();
            }
            return Optional.of(new Reservation(port, lock));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            return Optional.empty();
        }
    }

    /** Something outside the suite (a developer's own server) may listen on the port without any lock. */
    private static boolean bindable(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {

        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was reserved
            }
        }
    }

    /** A held port: the server it is for binds it; closing lets another test JVM take it. */
    public static final class Reservation implements AutoCloseable {

        private final int port;
        private final FileLock lock;

        private Reservation(int port, FileLock lock) {
            this.port = port;
            this.lock = lock;
        }

        public int port() {
            return port;
        }

        @Override
        public void close() {
            try {
                lock.release();
                lock.channel().close();
            } catch (IOException e) {
                throw new UncheckedIOException("Releasing port " + port + " failed", e);
            }
        }
    }
}
