package com.revos.voice.provisioning.provider.infrastructure;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The Twilio SDK's HTTP client, sending to {@code TWILIO_BASE_URL} instead of {@code https://*.twilio.com} when one
 * is set (the telephony simulator, WireMock), and trying each request once: the SDK's own retry repeats POSTs
 * after a 5xx, which could buy a number twice; Resilience4j decides about retries instead.
 */
final class HostRewritingTwilioHttpClient extends NetworkHttpClient {

    private final @Nullable URI baseUrl;

    HostRewritingTwilioHttpClient(@Nullable URI baseUrl, ProviderProperties.Twilio settings) {
        super(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setResponseTimeout(Timeout.of(settings.readTimeout()))
                .build());
        this.baseUrl = baseUrl;
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(baseUrl == null ? request : rewritten(request, baseUrl));
    }

    private static Request rewritten(Request original, URI baseUrl) {
        var path = URI.create(original.constructURL().toString()).getRawPath();
        // appended, not resolved: a base URL with a path prefix (a simulator mounted under /twilio) keeps it
        var target = baseUrl.toString().replaceAll("/+$", "") + path;
        var copy = new Request(original.getMethod(), target);
        original.getQueryParams().forEach((name, values) -> values.forEach(value -> copy.addQueryParam(name, value)));
        original.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
        original.getHeaderParams().forEach((name, values) ->
                values.forEach(value -> copy.addHeaderParam(name, value)));
        if (original.getContentType() != null) {
            copy.setContentType(original.getContentType());
        }
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        return copy;
    }
}
