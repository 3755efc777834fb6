package com.revos.voice.simulator.calls.infrastructure;

import com.revos.voice.simulator.calls.application.CallSimulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's Calls list of the account ElevenLabs dials through (provider-apis.md section 10), one page: what the
 * dialer asks when an answer was lost. Filtered by {@code To} and {@code From}; the start-time filter's date is
 * accepted and, as the simulator keeps only recent calls, not needed.
 */
@RestController
class TwilioCallsController {

    private final CallSimulator simulator;

    TwilioCallsController(CallSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/2010-04-01/Accounts/{accountSid}/Calls.json")
    Map<String, Object> calls(@PathVariable String accountSid, @RequestParam(name = "To") String to,
                              @RequestParam(name = "From", required = false) String from,
                              @RequestParam(name = "PageSize", defaultValue = "50") int pageSize) {
        var page = new LinkedHashMap<String, Object>();
        page.put("calls", simulator.twilioCalls(to, from, Math.clamp(pageSize, 1, 1000)));
        page.put("page", 0);
        page.put("page_size", pageSize);
        page.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Calls.json");
        page.put("next_page_uri", null);
        return page;
    }
}
