package com.revos.voice.provisioning.provider.infrastructure;

import com.revos.voice.provisioning.provider.application.AvailableNumber;
import com.revos.voice.provisioning.provider.application.OwnedNumber;
import com.revos.voice.provisioning.provider.application.ProviderException;
import com.revos.voice.provisioning.provider.application.TelephonyCarrier;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.type.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Twilio numbers through the Twilio Java SDK (provider-apis.md section 8), every call resilient. */
final class TwilioCarrier implements TelephonyCarrier {

    static final String PROVIDER = "Twilio";

    private final TwilioRestClient client;
    private final ResilientCalls calls;
    private final ProviderErrors errors;

    TwilioCarrier(TwilioRestClient client, ResilientCalls calls, ProviderErrors errors) {
        this.client = client;
        this.calls = calls;
        this.errors = errors;
    }

    @Override
    public List<AvailableNumber> searchLocal(String country, @Nullable String areaCode, int limit) {
        return calls.call(() -> exchange("search numbers", () -> {
            var reader = Local.reader(country).setVoiceEnabled(true);
            if (areaCode != null) {
                reader.setAreaCode(Integer.parseInt(areaCode));
            }
            reader.limit(limit);
            var found = new ArrayList<AvailableNumber>();
            for (var number : reader.read(client)) {
                found.add(new AvailableNumber(number.getPhoneNumber().toString(), number.getLocality(),
                        number.getRegion(), number.getIsoCountry()));
                if (found.size() == limit) {
                    break;
                }
            }
            return found;
        }));
    }

    @Override
    public OwnedNumber buy(String e164) {
        return calls.create(() -> owned(e164), () -> exchange("buy number", () -> {
            var bought = IncomingPhoneNumber.creator(new PhoneNumber(e164)).setFriendlyName("revos-pool")
                    .create(client);
            return new OwnedNumber(bought.getSid(), bought.getPhoneNumber().toString());
        }));
    }

    @Override
    public void release(String carrierId) {
        calls.run(() -> {
            try {
                exchange("release number", () -> IncomingPhoneNumber.deleter(carrierId).delete(client));
            } catch (ProviderException e) {
                if (e.providerStatus() != 404) {
                    throw e;
                }
            }
        });
    }

    /** A number an earlier, unanswered attempt may already have bought. */
    private Optional<OwnedNumber> owned(String e164) {
        return exchange("find bought number", () -> {
            for (var number : IncomingPhoneNumber.reader().setPhoneNumber(new PhoneNumber(e164)).limit(1)
                    .read(client)) {
                return Optional.of(new OwnedNumber(number.getSid(), number.getPhoneNumber().toString()));
            }
            return Optional.<OwnedNumber>empty();
        });
    }

    private <T> T exchange(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            var status = e.getStatusCode() == null ? 0 : e.getStatusCode();
            if (status == 0) {
                throw errors.noAnswer(what, e);
            }
            throw errors.status(status, e.getCode() == null ? null : e.getCode().toString(), e.getMessage(), null);
        } catch (ApiConnectionException e) {
            throw errors.noAnswer(what, e.getCause() == null ? e : e.getCause());
        }
    }
}
