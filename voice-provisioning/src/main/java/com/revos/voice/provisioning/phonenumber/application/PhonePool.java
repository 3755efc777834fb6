package com.revos.voice.provisioning.phonenumber.application;

import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.provisioning.common.application.ProvisioningException.FieldError;
import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.values.E164;
import com.revos.voice.provisioning.phonenumber.model.PoolNumber;
import com.revos.voice.provisioning.phonenumber.model.TwilioNumberSid;
import com.revos.voice.provisioning.provider.application.OwnedNumber;
import com.revos.voice.provisioning.provider.application.TelephonyCarrier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The operator's master pool: numbers added by hand or bought from the carrier, and their status. */
public final class PhonePool {

    private final PoolRepository pool;
    private final TelephonyCarrier carrier;
    private final Transactions transactions;
    private final Clock clock;

    public PhonePool(PoolRepository pool, TelephonyCarrier carrier, Transactions transactions, Clock clock) {
        this.pool = pool;
        this.carrier = carrier;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A number the operator owns at Twilio already. */
    public record NewNumber(String e164, String twilioSid) {
    }

    /** Adds all numbers or none: every problem is reported at once, by its position in the request. */
    public List<PoolNumber> add(List<NewNumber> numbers) {
        var errors = new ArrayList<FieldError>();
        var parsed = new ArrayList<PoolNumber>();
        var seen = new HashSet<String>();
        for (int i = 0; i < numbers.size(); i++) {
            var number = numbers.get(i);
            var e164 = E164.parse(number.e164());
            if (e164.number().isEmpty()) {
                errors.add(new FieldError("numbers[" + i + "].e164",
                        Objects.requireNonNullElse(e164.reason(), "is not a phone number")));
            }
            if (!TwilioNumberSid.isValid(number.twilioSid())) {
                errors.add(new FieldError("numbers[" + i + "].twilio_sid", "must be PN followed by 32 hex digits"));
            }
            if (!seen.add(number.e164()) || !seen.add(String.valueOf(number.twilioSid()))) {
                errors.add(new FieldError("numbers[" + i + "]", "appears twice in this request"));
            }
            e164.number().ifPresent(valid -> parsed.add(new PoolNumber(UUID.randomUUID(), valid.value(),
                    number.twilioSid(), valid.country(), valid.areaCode(), PoolNumber.Status.FREE, null, false,
                    clock.instant(), null)));
        }
        if (!errors.isEmpty()) {
            throw ProvisioningException.invalid(errors);
        }
        return transactions.asOperator(() -> {
            var keys = parsed.stream().flatMap(n -> java.util.stream.Stream.of(n.e164(), n.twilioSid())).toList();
            var existing = pool.existing(keys);
            if (!existing.isEmpty()) {
                var duplicates = new ArrayList<FieldError>();
                for (int i = 0; i < parsed.size(); i++) {
                    if (existing.contains(parsed.get(i).e164()) || existing.contains(parsed.get(i).twilioSid())) {
                        duplicates.add(new FieldError("numbers[" + i + "]", "is already in the pool"));
                    }
                }
                throw ProvisioningException.invalid(duplicates);
            }
            parsed.forEach(pool::insert);
            return List.copyOf(parsed);
        });
    }

    public Page<PoolNumber> list(PoolNumber.@Nullable Status status, PageWindow window) {
        return transactions.asOperator(() -> pool.page(status, window));
    }

    /**
     * Buys up to {@code count} voice-capable local numbers and adds them to the pool as free. Each number is stored
     * as soon as it is bought, so a failure half-way keeps what was paid for.
     */
    public List<PoolNumber> purchase(String country, String areaCode, int count) {
        var offered = carrier.searchLocal(country, areaCode, count);
        if (offered.isEmpty()) {
            throw ProvisioningException.conflict("No numbers on offer", "Twilio offers no local numbers in "
                    + country + (areaCode == null ? "" : " with area code " + areaCode) + "; try another area code");
        }
        var bought = new ArrayList<PoolNumber>();
        for (var offer : offered) {
            bought.add(store(carrier.buy(offer.e164())));
        }
        return bought;
    }

    /**
     * Buys one number for a tenant that found the pool empty; it enters the pool already assigned. Empty when the
     * carrier offers none.
     */
    Optional<PoolNumber> purchaseFor(UUID tenantId, String country, @Nullable String areaCode) {
        var offered = carrier.searchLocal(country, areaCode, 1);
        if (offered.isEmpty()) {
            return Optional.empty();
        }

        var owned = carrier.buy(offered.getFirst().e164());
        var parsed = E164.parse(owned.e164()).number();
        return Optional.of(new PoolNumber(UUID.randomUUID(), owned.e164(), owned.carrierId(),
                parsed.map(E164::country).orElse(country), parsed.map(E164::areaCode).orElse(areaCode),
                PoolNumber.Status.ASSIGNED, tenantId, true, clock.instant(), clock.instant()));

    }

    private PoolNumber store(OwnedNumber owned) {
        var parsed = E164.parse(owned.e164()).number();
        var number = new PoolNumber(UUID.randomUUID(), owned.e164(), owned.carrierId(),
                parsed.map(E164::country).orElse(null), parsed.map(E164::areaCode).orElse(null),
                PoolNumber.Status.FREE, null, true, clock.instant(), null);
        return transactions.asOperator(() -> {
            pool.insert(number);
            return number;
        });
    }
}
