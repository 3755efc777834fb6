package com.revos.voice.simulator.twilio;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Numbers "bought" from the simulated Twilio account, keyed by their {@code PN...} sid. */
@Component
class IncomingNumberStore {

    private final Map<String, Map<String, Object>> bySid = new ConcurrentHashMap<>();
    private final Map<String, String> sidByNumber = new ConcurrentHashMap<>();

    /** Claims the number; empty when somebody owns it already. */
    synchronized Optional<Map<String, Object>> buy(String sid, String phoneNumber, Map<String, Object> resource) {
        if (sidByNumber.putIfAbsent(phoneNumber, sid) != null) {
            return Optional.empty();
        }
        bySid.put(sid, resource);
        return Optional.of(resource);
    }

    List<Map<String, Object>> list(String accountSid, @Nullable String phoneNumber) {
        return bySid.values().stream()
                .filter(r -> accountSid.equals(r.get("account_sid")))
                .filter(r -> phoneNumber == null || phoneNumber.equals(r.get("phone_number")))
                .sorted(Comparator.comparing(r -> (String) r.get("phone_number")))
                .toList();
    }

    boolean owns(String phoneNumber) {
        return sidByNumber.containsKey(phoneNumber);
    }

    Optional<Map<String, Object>> find(String accountSid, String sid) {
        return Optional.ofNullable(bySid.get(sid)).filter(r -> accountSid.equals(r.get("account_sid")));
    }

    synchronized boolean release(String accountSid, String sid) {
        Optional<Map<String, Object>> resource = find(accountSid, sid);
        resource.ifPresent(r -> {
            bySid.remove(sid);
            sidByNumber.remove((String) r.get("phone_number"));
        });
        return resource.isPresent();
    }
}
