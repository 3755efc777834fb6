package com.revos.voice.simulator.calls.infrastructure;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.revos.voice.simulator.calls.model.AccountError;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revos.voice.simulator.calls.application.CallStats;
import com.revos.voice.simulator.calls.application.ProviderArrivals;
import com.revos.voice.simulator.calls.application.SchedulingStalls;
import com.revos.voice.simulator.calls.application.SimulationControl;
import com.revos.voice.simulator.calls.model.SimulationSettings;

/** The control API used by demos and tests, e.g. raising {@code failure_rate} to cause a failure burst. */
@RestController
class SimulatorControlController {

    private final SimulationControl control;
    private final SchedulingStalls stalls;

    SimulatorControlController(SimulationControl control, SchedulingStalls stalls) {
        this.control = control;
        this.stalls = stalls;
    }

    @GetMapping("/simulator/config")
    SettingsView config() {
        return SettingsView.of(control.settings());
    }

    /** Partial update: fields left out keep their current value. */
    @PutMapping("/simulator/config")
    ResponseEntity<Object> update(@RequestBody SettingsView change) {
        try {
            return ResponseEntity.ok(SettingsView.of(control.update(change.applyTo(control.settings()))));
        } catch (IllegalArgumentException invalid) {
            return ResponseEntity.badRequest().body(Map.of("error", invalid.getMessage()));
        }
    }

    @GetMapping("/simulator/calls")
    CallStats.Snapshot calls() {
        return control.stats();
    }

    /**
     * The provider-side witness of pacing: per Twilio account of the calling numbers, the calls that arrived, the
     * most of them in any sliding second, and the mean rate.
     */
    @GetMapping("/simulator/arrivals")
    Map<String, ProviderArrivals.AccountView> arrivals() {
        return control.arrivals().accounts();
    }

    /** Every arrival listed for one account (time, account, from, to), oldest first. */
    @GetMapping("/simulator/arrivals/{account}")
    List<ProviderArrivals.Arrival> arrivals(@PathVariable String account) {
        return control.arrivals().arrivals(account);
    }

    /** The simulator's own late wake-ups (platform and virtual thread), to tell its stalls from the caller's. */
    @GetMapping("/simulator/stalls")
    List<SchedulingStalls.Stall> stalls() {
        return stalls.stalls();
    }

    @PostMapping("/simulator/reset")
    ResponseEntity<Void> reset() {
        control.reset();
        stalls.reset();
        return ResponseEntity.noContent().build();
    }

    record SettingsView(Long apiLatencyMs, Double answerRate, Double busyRate, Double voicemailRate,
                        Double failureRate, Double qualificationRate, Integer minDurationSecs,
                        Integer maxDurationSecs, Double outboundErrorRate,
                        @JsonProperty("outbound_429_rate") Double outbound429Rate, Double timeScale,
                        Integer maxConcurrentCalls, String accountError) {

        static SettingsView of(SimulationSettings s) {
            return new SettingsView(s.apiLatencyMs(), s.answerRate(), s.busyRate(), s.voicemailRate(),
                    s.failureRate(), s.qualificationRate(), s.minDurationSecs(), s.maxDurationSecs(),
                    s.outboundErrorRate(), s.outbound429Rate(), s.timeScale(), s.maxConcurrentCalls(),
                    s.accountError().name().toLowerCase(Locale.ROOT));
        }

        SimulationSettings applyTo(SimulationSettings s) {
            return new SimulationSettings(
                    apiLatencyMs != null ? apiLatencyMs : s.apiLatencyMs(),
                    answerRate != null ? answerRate : s.answerRate(),
                    busyRate != null ? busyRate : s.busyRate(),
                    voicemailRate != null ? voicemailRate : s.voicemailRate(),
                    failureRate != null ? failureRate : s.failureRate(),
                    qualificationRate != null ? qualificationRate : s.qualificationRate(),
                    minDurationSecs != null ? minDurationSecs : s.minDurationSecs(),
                    maxDurationSecs != null ? maxDurationSecs : s.maxDurationSecs(),
                    outboundErrorRate != null ? outboundErrorRate : s.outboundErrorRate(),
                    outbound429Rate != null ? outbound429Rate : s.outbound429Rate(),
                    timeScale != null ? timeScale : s.timeScale(),
                    maxConcurrentCalls != null ? maxConcurrentCalls : s.maxConcurrentCalls(),
                    accountError != null ? accountError(accountError) : s.accountError());
        }

        private static AccountError accountError(String name) {
            try {
                return AccountError.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("account_error must be one of none, invalid_api_key, "
                        + "quota_exceeded; got '" + name + "'");
            }
        }
    }
}
