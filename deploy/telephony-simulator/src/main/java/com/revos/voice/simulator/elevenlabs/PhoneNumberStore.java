package com.revos.voice.simulator.elevenlabs;

import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.revos.voice.simulator.Ids;

/** Twilio numbers imported into the simulated workspace, with the agent each one is assigned to. */
@Component
class PhoneNumberStore {

    private final Map<String, ImportedNumber> numbers = new ConcurrentHashMap<>();

    ImportedNumber create(String phoneNumber, String label, String accountSid, @Nullable String agentId) {
        ImportedNumber number = new ImportedNumber(Ids.of("phnum_", 26), phoneNumber, label, accountSid, agentId,
                System.nanoTime());
        numbers.put(number.phoneNumberId(), number);
        return number;
    }

    Optional<ImportedNumber> find(String phoneNumberId) {
        return Optional.ofNullable(numbers.get(phoneNumberId));
    }

    Optional<ImportedNumber> update(String phoneNumberId, @Nullable String agentId, @Nullable String label) {
        return Optional.ofNullable(numbers.computeIfPresent(phoneNumberId, (id, n) -> new ImportedNumber(id,
                n.phoneNumber(), label != null ? label : n.label(), n.accountSid(),
                agentId != null ? agentId : n.agentId(), n.createdNanos())));
    }

    boolean delete(String phoneNumberId) {
        return numbers.remove(phoneNumberId) != null;
    }

    List<ImportedNumber> list() {
        List<ImportedNumber> all = new ArrayList<>(numbers.values());
        all.sort(Comparator.comparingLong(ImportedNumber::createdNanos));
        return all;
    }

    List<ImportedNumber> assignedTo(String agentId) {
        return list().stream().filter(n -> agentId.equals(n.agentId())).toList();
    }

    record ImportedNumber(String phoneNumberId, String phoneNumber, String label, String accountSid,
                          @Nullable String agentId, long createdNanos) {
    }
}
