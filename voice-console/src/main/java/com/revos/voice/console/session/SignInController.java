package com.revos.voice.console.session;

import com.revos.voice.console.ConsoleProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sign-in page: paste a token ({@code ./revos token ...}); in the local profile also one click for the demo
 * tenant or the operator, whose tokens {@link LocalTokenMinter} signs with the local secret. Signing in starts a new
 * session id and a new CSRF token (no fixation), and keeps the token on the server.
 */
@Controller
class SignInController {

    private final TokenVerifier verifier;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final ConsoleProperties properties;
    private final @Nullable LocalTokenMinter minter;

    SignInController(TokenVerifier verifier, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens,
                     ConsoleProperties properties, java.util.Optional<LocalTokenMinter> minter) {
        this.verifier = verifier;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.properties = properties;
        this.minter = minter.orElse(null);
    }

    @GetMapping("/sign-in")
    String page(Model model) {
        model.addAttribute("localSignIn", minter != null);
        model.addAttribute("demoTenant", properties.localSignIn().demoTenant());
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(name = "token", required = false) String token, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        var result = verifier.verify(token);
        if (result.user().isEmpty()) {
            model.addAttribute("problem", result.problem());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model);
        }
        return start(result.user().get(), request, response);
    }

    @PostMapping("/sign-in/demo")
    String demo(HttpServletRequest request, HttpServletResponse response) {
        return start(verified(local().demoTenant()), request, response);
    }

    @PostMapping("/sign-in/operator")
    String operator(HttpServletRequest request, HttpServletResponse response) {
        return start(verified(local().operator()), request, response);
    }

    /** A user of several tenants looks at another one of them. */
    @PostMapping("/tenant")
    String switchTenant(@RequestParam("tenant") UUID tenant, HttpServletRequest request,
                        HttpServletResponse response) {
        var user = Authentications.current().orElseThrow();
        if (!user.tenants().contains(tenant)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "You are not a member of that tenant");
        }
        save(user.viewing(tenant), request, response);
        return "redirect:/campaigns";
    }

    private LocalTokenMinter local() {
        if (minter == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "One-click sign-in exists only locally");
        }
        return minter;
    }

    private SignedInUser verified(String token) {
        return verifier.verify(token).user().orElseThrow(() -> new IllegalStateException(
                "the local secret signs tokens the console itself refuses: check revos.console.jwt-secret"));
    }

    private String start(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        csrfTokens.saveToken(null, request, response);
        save(user, request, response);
        return user.hasTenant() ? "redirect:/campaigns" : "redirect:/operator/pool";
    }

    private void save(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(Authentications.of(user));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
