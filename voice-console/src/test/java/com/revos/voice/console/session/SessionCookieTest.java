package com.revos.voice.console.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.revos.voice.console.ConsoleApplication;
import com.revos.voice.console.ServicesStub;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** On a real server: the session cookie the browser gets after sign-in is HttpOnly, SameSite=Strict and Secure. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ConsoleApplication.CONFIG_NAME, "revos.console.jwt-secret=" + ServicesStub.SECRET})
class SessionCookieTest {

    @LocalServerPort
    int port;

    @Test
    void the_session_cookie_after_sign_in_is_http_only_same_site_strict_and_secure() throws Exception {
        var http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        var firstCookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var token = ServicesStub.token("alice", List.of(UUID.randomUUID()), List.of());

        var signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Cookie", firstCookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8) + "&token=" + token)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signIn.statusCode()).isEqualTo(302);
        var cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("REVOS_CONSOLE=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Secure");
        assertThat(cookie.split(";")[0]).as("a new session id after sign-in").isNotEqualTo(firstCookie);
    }
}
