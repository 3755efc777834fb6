package com.revos.voice.optimizer.policy.infrastructure;

import com.revos.voice.optimizer.policy.model.Mode;
import io.swagger.v3.oas.annotations.media.Schema;
import com.revos.voice.optimizer.policy.model.OptimizerPolicy;
import com.revos.voice.optimizer.policy.model.PolicyViolation;
import com.revos.voice.optimizer.policy.model.Rule;
import com.revos.voice.optimizer.policy.model.RulePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The policy as the API and the database hold it (snake_case JSON). Every field is required on PUT. */
record PolicyDto(@Nullable Integer windowSize, @Nullable Integer windowMinutes, @Nullable Double hysteresis,
                 @Nullable Double scaleFactor, @Nullable Integer retimeHours, @Nullable RuleDto stopLoss,
                 @Nullable RuleDto retime, @Nullable RuleDto scriptChange, @Nullable RuleDto scaleUp) {

    /**
     * One rule: its threshold, and the sequential test's error rate (the chance of a decision within 10,000 calls
     * while the true rate stays on the safe side of the threshold) and minimum effect (ADR 0012).
     */
    record RuleDto(@Nullable Double threshold, @Nullable Integer minimumSample, @Nullable Long cooldownSeconds,
                   @Schema(allowableValues = {"automatic", "recommend"}) @Nullable String mode,
                   @Nullable Double errorRate, @Nullable Double minimumEffect) {

        static RuleDto of(RulePolicy rule) {
            return new RuleDto(rule.threshold(), rule.minimumSample(), rule.cooldown().toSeconds(),
                    rule.mode().name().toLowerCase(Locale.ROOT), rule.errorRate(), rule.minimumEffect());
        }

        RulePolicy toRule(List<PolicyViolation> errors, String prefix, RulePolicy fallback) {
            var mode = fallback.mode();
            var given = this.mode;
            if (given == null) {
                errors.add(new PolicyViolation(prefix + "mode", "is required"));
            } else {
                try {
                    mode = Mode.valueOf(given.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(new PolicyViolation(prefix + "mode", "must be automatic or recommend"));
                }
            }
            return new RulePolicy(required(errors, prefix + "threshold", threshold, fallback.threshold()),
                    required(errors, prefix + "minimum_sample", minimumSample, fallback.minimumSample()),
                    Duration.ofSeconds(required(errors, prefix + "cooldown_seconds", cooldownSeconds,
                            fallback.cooldown().toSeconds())), mode,
                    required(errors, prefix + "error_rate", errorRate, fallback.errorRate()),
                    required(errors, prefix + "minimum_effect", minimumEffect, fallback.minimumEffect()));
        }
    }

    static PolicyDto of(OptimizerPolicy policy) {
        return new PolicyDto(policy.windowSize(), (int) policy.windowDuration().toMinutes(), policy.hysteresis(),
                policy.scaleFactor(), policy.retimeHours(), RuleDto.of(policy.stopLoss()), RuleDto.of(policy.retime()),
                RuleDto.of(policy.scriptChange()), RuleDto.of(policy.scaleUp()));
    }

    /**
     * The domain policy, with the defaults standing in for missing or unreadable settings, which are added to
     * {@code errors}; so the caller can validate the rest too and name every bad field in one answer.
     */
    OptimizerPolicy toPolicy(List<PolicyViolation> errors) {
        var fallback = OptimizerPolicy.DEFAULT;
        @Nullable RuleDto[] given = {stopLoss, retime, scriptChange, scaleUp};
        var rules = new ArrayList<RulePolicy>();
        for (var rule : Rule.values()) {
            var dto = given[rule.ordinal()];
            if (dto == null) {
                errors.add(new PolicyViolation(rule.wireName(), "is required"));
                dto = new RuleDto(null, null, null, null, null, null);
            }
            rules.add(dto.toRule(errors, rule.wireName() + ".", fallback.of(rule)));
        }
        return new OptimizerPolicy(
                required(errors, "window_size", windowSize, fallback.windowSize()),
                Duration.ofMinutes(required(errors, "window_minutes", windowMinutes,
                        (int) fallback.windowDuration().toMinutes())),
                required(errors, "hysteresis", hysteresis, fallback.hysteresis()),
                required(errors, "scale_factor", scaleFactor, fallback.scaleFactor()),
                required(errors, "retime_hours", retimeHours, fallback.retimeHours()),
                rules.get(0), rules.get(1), rules.get(2), rules.get(3));
    }

    static <T> T required(List<PolicyViolation> errors, String field, @Nullable T value, T fallback) {
        if (value == null) {
            errors.add(new PolicyViolation(field, "is required"));
            return fallback;
        }
        return value;
    }
}
