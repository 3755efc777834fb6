package com.revos.voice.console.web;

import com.revos.voice.console.api.ApiProblem;
import com.revos.voice.console.session.Authentications;
import com.revos.voice.console.session.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page has (the signed-in user, for the header), and how a service's refusal is shown when a page cannot
 * show it next to a field: what went wrong (the service's own words) and what to try.
 */
@ControllerAdvice
class ConsoleAdvice {

    @ModelAttribute("user")
    @Nullable SignedInUser user() {
        return Authentications.current().orElse(null);
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(problem.status() >= 400 ? problem.status() : 502);
        model.addAttribute("user", user());
        model.addAttribute("problem", problem);
        model.addAttribute("advice", advice(problem));
        if (request.getHeader("HX-Request") != null) {
            // htmx swaps 2xx only: a live panel keeps polling and shows the problem in place
            response.setStatus(200);
            return "error :: problem";
        }
        return "error";
    }

    @ExceptionHandler(Tenant.NoTenant.class)
    String noTenant(HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("user", user());
        return "no-tenant";
    }

    static String advice(ApiProblem problem) {
        return switch (problem.status()) {
            case 401 -> "Your sign-in has expired or was refused. Sign in again.";
            case 403 -> "Your sign-in does not allow this. Ask an operator, or sign in with the right role.";
            case 404 -> "It does not exist for this tenant: it may have been deleted, or belong to another tenant.";
            case 409 -> "It changed meanwhile. Reload the page and try again.";
            case 429, 503 -> "The service is busy or starting. Wait a moment and try again.";
            default -> problem.status() >= 500 ? "The service failed. Try again; if it keeps failing, check its logs."
                    : "Correct the input and try again.";
        };
    }
}
