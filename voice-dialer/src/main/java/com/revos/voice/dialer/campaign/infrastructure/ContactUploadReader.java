package com.revos.voice.dialer.campaign.infrastructure;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.revos.voice.dialer.campaign.application.ContactImport;
import com.revos.voice.dialer.campaign.model.ContactRow;
import com.revos.voice.dialer.campaign.model.CsvReader;
import com.revos.voice.service.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads an upload of contacts (JSON array of objects, or CSV with a header row) as it streams in, and hands each row
 * to the import. Rows are numbered from 1 (the first contact; a CSV header is not counted).
 */
class ContactUploadReader {

    private static final List<String> PHONE_COLUMNS = List.of("phone", "phone_number", "to_number", "number");

    private final ContactImport contactImport;

    ContactUploadReader(ContactImport contactImport) {
        this.contactImport = contactImport;
    }

    ContactImport.Result importJson(UUID tenantId, UUID campaignId, InputStream body) {
        var run = contactImport.start(tenantId, campaignId);
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
                run.accept(new ContactRow(row, text(node, "phone"), variables(node)));
            }
        } catch (IOException e) {
            throw ApiException.badRequest("body", "is not a readable JSON array: " + e.getMessage());
        }
        return run.finish();
    }

    ContactImport.Result importCsv(UUID tenantId, UUID campaignId, InputStream body) {
        var run = contactImport.start(tenantId, campaignId);
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
            run.accept(new ContactRow(row, fields.get(phoneColumn), variables));
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
}
