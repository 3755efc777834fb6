package com.revos.voice.dialer.call.infrastructure;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The provider client's connections, Apache's own, each saying when it has flushed a request to its socket: the
 * moment the kernel has the request, which a busy machine can hold tens of milliseconds after the last pacing cap
 * let it go. The send point's log then counts the request from there (ADR 0023).
 */
final class WriteReportingConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final HttpConnectionFactory<ManagedHttpClientConnection> made = ManagedHttpClientConnectionFactory.INSTANCE;
    private final Runnable flushed;

    /** @param flushed runs on the writing thread right after each flush */
    WriteReportingConnections(Runnable flushed) {
        this.flushed = flushed;
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        return new Reporting(made.createConnection(socket));
    }

    @Override
    public ManagedHttpClientConnection createConnection(SSLSocket sslSocket, Socket socket) throws IOException {
        return new Reporting(made.createConnection(sslSocket, socket));
    }

    /** Apache's connection as it is, but for the report after {@link #flush}. */
    private final class Reporting implements ManagedHttpClientConnection {

        private final ManagedHttpClientConnection connection;

        Reporting(ManagedHttpClientConnection connection) {
            this.connection = connection;
        }

        @Override
        public void flush() throws IOException {
            connection.flush();
            flushed.run();
        }

        @Override
        public void bind(Socket socket) throws IOException {
            connection.bind(socket);
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            connection.bind(sslSocket, socket);
        }

        @Override
        public Socket getSocket() {
            return connection.getSocket();
        }

        @Override
        public SSLSession getSSLSession() {
            return connection.getSSLSession();
        }

        @Override
        public void passivate() {
            connection.passivate();
        }

        @Override
        public void activate() {
            connection.activate();
        }

        @Override
        public boolean isConsistent() {
            return connection.isConsistent();
        }

        @Override
        public void sendRequestHeader(ClassicHttpRequest request) throws HttpException, IOException {
            connection.sendRequestHeader(request);
        }

        @Override
        public void terminateRequest(ClassicHttpRequest request) throws HttpException, IOException {
            connection.terminateRequest(request);
        }

        @Override
        public void sendRequestEntity(ClassicHttpRequest request) throws HttpException, IOException {
            connection.sendRequestEntity(request);
        }

        @Override
        public ClassicHttpResponse receiveResponseHeader() throws HttpException, IOException {
            return connection.receiveResponseHeader();
        }

        @Override
        public void receiveResponseEntity(ClassicHttpResponse response) throws HttpException, IOException {
            connection.receiveResponseEntity(response);
        }

        @Override
        public boolean isDataAvailable(Timeout timeout) throws IOException {
            return connection.isDataAvailable(timeout);
        }

        @Override
        public boolean isStale() throws IOException {
            return connection.isStale();
        }

        @Override
        public void close() throws IOException {
            connection.close();
        }

        @Override
        public void close(CloseMode closeMode) {
            connection.close(closeMode);
        }

        @Override
        public EndpointDetails getEndpointDetails() {
            return connection.getEndpointDetails();
        }

        @Override
        public SocketAddress getLocalAddress() {
            return connection.getLocalAddress();
        }

        @Override
        public SocketAddress getRemoteAddress() {
            return connection.getRemoteAddress();
        }

        @Override
        public ProtocolVersion getProtocolVersion() {
            return connection.getProtocolVersion();
        }

        @Override
        public boolean isOpen() {
            return connection.isOpen();
        }

        @Override
        public Timeout getSocketTimeout() {
            return connection.getSocketTimeout();
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            connection.setSocketTimeout(timeout);
        }

        @Override
        public String toString() {
            return connection.toString();
        }
    }
}
