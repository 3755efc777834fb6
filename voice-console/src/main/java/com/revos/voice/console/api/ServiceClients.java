package com.revos.voice.console.api;

import com.revos.voice.console.ConsoleProperties;
import com.revos.voice.console.session.Authentications;
import com.revos.voice.console.session.SignedInUser;
import java.time.Duration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

/**
 * One HTTP client per service, each call carrying the signed-in user's JWT, exactly as a gateway client would. A
 * service's error becomes an {@link ApiProblem}; an unreachable service a 503 problem that says which one.
 */
@Component
class ServiceClients {

    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(30);

    final RestClient provisioning;
    final RestClient dialer;
    final RestClient optimizer;

    ServiceClients(RestClient.Builder builder, ConsoleProperties properties, ObjectMapper json) {
        var factory = ClientHttpRequestFactoryBuilder.jdk()
                .build(HttpClientSettings.defaults().withConnectTimeout(CONNECT).withReadTimeout(READ));
        var base = builder.requestFactory(factory)
                .requestInterceptor((request, body, execution) -> {
                    Authentications.current().map(SignedInUser::token)
                            .ifPresent(token -> request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token));
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw Problems.read(json, response.getStatusCode().value(), response.getStatusText(),
                            response.getBody().readAllBytes());
                });
        this.provisioning = base.clone().baseUrl(properties.provisioningUrl()).build();
        this.dialer = base.clone().baseUrl(properties.dialerUrl()).build();
        this.optimizer = base.clone().baseUrl(properties.optimizerUrl()).build();
    }

    /** Runs a call, turning "could not reach the service" into a problem the page can show. */
    static <T> T call(String service, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new ApiProblem(503, service + " is unreachable",
                    service + " did not answer. It may be starting or down; try again in a moment.",
                    java.util.Map.of());
        }
    }

    static void run(String service, Runnable call) {
        call(service, () -> {
            call.run();
            return null;
        });
    }
}
