package com.revos.voice.dialer.campaign.infrastructure;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.campaign.model.CsvReader;
import com.revos.voice.dialer.common.model.PhoneNumbers;
import com.revos.voice.dialer.suppression.infrastructure.Suppressions;
import com.revos.voice.service.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams an upload of contacts (JSON array of objects, or CSV with a header row) into the campaign in batches.
 * Every row that is not taken is reported with its reason: invalid number, duplicate (in the upload or already in
 * the campaign), suppressed. Rows are numbered from 1 (the first contact; a CSV header is not counted).
 */
class ContactImport {

    static final int BATCH = 1000;
    private static final List<String> PHONE_COLUMNS = List.of("phone", "phone_number", "to_number", "number");

    private final ContactStore contacts;
    private final Suppressions suppressions;
    private final ContactZones zones;
    private final TransactionTemplate transactions;

    ContactImport(ContactStore contacts, Suppressions suppressions, ContactZones zones,
                  TransactionTemplate transactions) {
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.zones = zones;
        this.transactions = transactions;
    }

    record Rejection(int row, String phone, String reason) {
    }

    record Result(long accepted, List<Rejection> rejected) {
    }

    private record Row(int row, String phone, Map<String, Object> variables) {
    }

    Result importJson(UUID tenantId, UUID campaignId, InputStream body) {
        var run = new Run(tenantId, campaignId);
        try (var parser = ContactStore.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ApiException.badRequest("body", "must be a JSON array of contacts");
            }
            int row = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                row++;
                JsonNode node = ContactStore.JSON.readTree(parser);
                if (node == null || !node.isObject()) {
                    run.reject(row, null, "not_an_object");
                    continue;
                }
                run.accept(new Row(row, text(node, "phone"), variables(node)));
            }
        } catch (IOException e) {
            throw ApiException.badRequest("body", "is not a readable JSON array: " + e.getMessage());
        }
        return run.finish();
    }

    Result importCsv(UUID tenantId, UUID campaignId, InputStream body) {
        var run = new Run(tenantId, campaignId);
        var csv = new CsvReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16));
        var header = csv.next();
        if (header == null) {
            throw ApiException.badRequest("body", "is empty; expected a CSV header with a phone column");
        }
        var names = header.stream().map(h -> h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT)).toList();
        var phoneColumn = PHONE_COLUMNS.stream().mapToInt(names::indexOf).filter(i -> i >= 0).findFirst()
                .orElseThrow(() -> ApiException.badRequest("body", "the CSV header has no phone column"));
        int row = 0;
        for (var fields = csv.next(); fields != null; fields = csv.next()) {
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue;
            }
            row++;
            if (fields.size() != names.size()) {
                run.reject(row, phoneColumn < fields.size() ? fields.get(phoneColumn) : null, "wrong_column_count");
                continue;
            }
            var variables = new LinkedHashMap<String, Object>();
            for (int i = 0; i < names.size(); i++) {
                if (i != phoneColumn && !fields.get(i).isEmpty() && !names.get(i).isEmpty()) {
                    variables.put(names.get(i), fields.get(i));
                }
            }
            run.accept(new Row(row, fields.get(phoneColumn), variables));
        }
        return run.finish();
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, Object> variables(JsonNode node) {
        var result = new LinkedHashMap<String, Object>();
        Consumer<Map.Entry<String, JsonNode>> put = entry -> {
            var value = entry.getValue();
            if (value.isValueNode()) {
                result.put(entry.getKey(), value.isNumber() ? value.numberValue()
                        : value.isBoolean() ? value.booleanValue() : value.isNull() ? null : value.asText());
            }
        };
        node.properties().stream().filter(e -> !e.getKey().equals("phone")).forEach(put);
        var nested = node.get("dynamic_variables");
        if (nested != null && nested.isObject()) {
            nested.properties().forEach(put);
        }
        return result;
    }

    /** One upload in progress. */
    private final class Run {
        private final UUID tenantId;
        private final UUID campaignId;
        private final HashSet<String> seen = new HashSet<>();
        private final List<Row> batch = new ArrayList<>(BATCH);
        private final List<Rejection> rejected = new ArrayList<>();
        private long accepted;

        Run(UUID tenantId, UUID campaignId) {
            this.tenantId = tenantId;
            this.campaignId = campaignId;
        }

        void reject(int row, String phone, String reason) {
            rejected.add(new Rejection(row, phone, reason));
        }

        void accept(Row row) {
            var phone = PhoneNumbers.e164(row.phone());
            if (phone.isEmpty()) {
                reject(row.row(), row.phone(), "invalid_number");
                return;
            }
            if (!seen.add(phone.get())) {
                reject(row.row(), row.phone(), "duplicate");
                return;
            }
            batch.add(new Row(row.row(), phone.get(), row.variables()));
            if (batch.size() == BATCH) {
                flush();
            }
        }

        Result finish() {
            flush();
            rejected.sort(java.util.Comparator.comparingInt(Rejection::row));
            return new Result(accepted, rejected);
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            transactions.executeWithoutResult(status -> {
                var suppressed = suppressions.suppressedAmong(tenantId, batch.stream().map(Row::phone).toList());
                var toInsert = new ArrayList<ContactStore.NewContact>();
                for (var row : batch) {
                    if (suppressed.contains(row.phone())) {
                        reject(row.row(), row.phone(), "suppressed");
                    } else {
                        toInsert.add(new ContactStore.NewContact(UUID.randomUUID(), row.row(), row.phone(),
                                zones.zoneKey(row.phone()), row.variables()));
                    }
                }
                var inserted = contacts.insert(campaignId, tenantId, toInsert);
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i]) {
                        accepted++;
                    } else {
                        reject(toInsert.get(i).row(), toInsert.get(i).phone(), "duplicate");
                    }
                }
            });
            batch.clear();
        }
    }
}
