package com.revos.voice.console.web;

import com.revos.voice.console.session.Authentications;
import com.revos.voice.console.session.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        var tenant = Authentications.current().map(SignedInUser::hasTenant).orElse(false);
        return tenant ? "redirect:/campaigns" : "redirect:/operator/pool";
    }
}
