package com.revos.voice.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console in full (security, controllers, templates) against {@link ServicesStub}: a real HTTP server in place of
 * the services. Signing in goes through the sign-in page, as a person does.
 */
@SpringBootTest(properties = {"spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "revos.console.jwt-secret=" + ServicesStub.SECRET})
@AutoConfigureMockMvc
public abstract class ConsoleSliceTest {

    protected static final UUID TENANT = UUID.fromString("11111111-1111-4111-8111-111111111111");
    protected static final UUID OTHER_TENANT = UUID.fromString("22222222-2222-4222-8222-222222222222");

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("revos.console.provisioning-url", ServicesStub::url);
        registry.add("revos.console.dialer-url", ServicesStub::url);
        registry.add("revos.console.optimizer-url", ServicesStub::url);
    }

    @BeforeEach
    void freshStubs() {
        ServicesStub.server().resetAll();
    }

    protected MockHttpSession signedIn(String token) throws Exception {
        var session = new MockHttpSession();
        var result = mvc.perform(post("/sign-in").session(session).param("token", token).with(csrf())).andReturn();
        var after = (MockHttpSession) result.getRequest().getSession(false);
        return after == null ? session : after;
    }

    protected MockHttpSession tenantUser() throws Exception {
        return signedIn(tenantToken());
    }

    private static final String TENANT_TOKEN = ServicesStub.token("alice", List.of(TENANT), List.of());

    /** One token per test run, so a test can check that exactly this token reached the services. */
    protected static String tenantToken() {
        return TENANT_TOKEN;
    }
}
