package com.revos.voice.simulator;

import java.net.URI;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/** The Twilio SDK's own HTTP client, sent to the simulator instead of {@code https://api.twilio.com}. */
final class HostRewritingHttpClient extends NetworkHttpClient {

    private final URI baseUrl;

    HostRewritingHttpClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        URI original = URI.create(request.constructURL().toString());
        Request copy = new Request(request.getMethod(), baseUrl.resolve(original.getRawPath()).toString());
        request.getQueryParams().forEach((name, values) -> values.forEach(value -> copy.addQueryParam(name, value)));
        request.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
        if (request.getContentType() != null) {
            copy.setContentType(request.getContentType());
        }
        if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        return super.makeRequest(copy);
    }
}
