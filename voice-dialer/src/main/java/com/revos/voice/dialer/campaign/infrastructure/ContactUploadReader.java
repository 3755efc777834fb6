package com.revos.voice.dialer.campaign.infrastructure;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.revos.voice.dialer.campaign.application.ContactImport;
import com.revos.voice.dialer.campaign.model.ContactRow;
import com.revos.voice.dialer.campaign.model.CsvReader;
import com.revos.voice.service.ApiException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.jspecify.annotations.Nullable;

/**
 * Reads an upload of contacts (JSON array of objects, or CSV with a header row) as it streams in, and hands each row
 * to the import. Rows are numbered from 1 (the first contact; a CSV header is not counted). Bounded by
 * {@link ContactUploadLimits}: an upload over the byte or row limit is refused with 413 problem+json naming the limit
 * (before a byte is read when its Content-Length says so; else at the limit, after the rows read before it are
 * taken, which the answer counts); a row with an over-long field is rejected ({@code field_too_long}).
 */
class ContactUploadReader {

    private static final List<String> PHONE_COLUMNS = List.of("phone", "phone_number", "to_number", "number");

    private final ContactImport contactImport;
    private final ContactUploadLimits limits;

    ContactUploadReader(ContactImport contactImport, ContactUploadLimits limits) {
        this.contactImport = contactImport;
        this.limits = limits;
    }

    /** A CSV upload ({@code text/csv}) or else a JSON one, of {@code contentLength} bytes (-1: not said). */
    ContactImport.Result read(UUID tenantId, UUID campaignId, String contentType, long contentLength,
                              InputStream body) {
        refuseDeclaredOversize(contentLength);
        var type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        var bounded = new BoundedBody(body, limits.maxBytes().toBytes());
        return type.startsWith("text/csv") ? importCsv(tenantId, campaignId, bounded)
                : importJson(tenantId, campaignId, bounded);
    }

    /**
     * The whole body, copied to a temporary file as it streams in, with its SHA-256: an upload with an
     * Idempotency-Key is fingerprinted by its bytes before any row is taken. Over the byte limit nothing is taken.
     */
    Spooled spool(long contentLength, InputStream body) throws IOException {
        refuseDeclaredOversize(contentLength);
        var file = Files.createTempFile("revos-contacts-", ".upload");
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            try (var in = new DigestInputStream(new BoundedBody(body, limits.maxBytes().toBytes()), digest)) {
                var size = Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return new Spooled(file, size, HexFormat.of().formatHex(digest.digest()));
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            if (BoundedBody.exceeded(e)) {
                throw tooLarge("is over the limit of " + limits.maxBytes().toBytes() + " bytes "
                        + "(revos.dialer.contacts.max-bytes)", "Nothing was taken; split the upload.");
            }
            throw e;
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        }
    }

    /** An upload held in a temporary file, deleted on close. */
    record Spooled(Path file, long size, String sha256) implements AutoCloseable {

        InputStream open() {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    private void refuseDeclaredOversize(long contentLength) {
        if (contentLength > limits.maxBytes().toBytes()) {
            throw tooLarge("is " + contentLength + " bytes, over the limit of " + limits.maxBytes().toBytes()
                    + " bytes (revos.dialer.contacts.max-bytes)", "Nothing was read; split the upload.");
        }
    }

    private ContactImport.Result importJson(UUID tenantId, UUID campaignId, InputStream body) {
        var run = contactImport.start(tenantId, campaignId);
        int row = 0;
        int complete = 0;
        try (var parser = ContactStore.JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ApiException.badRequest("body", "must be a JSON array of contacts");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                row++;
                refuseBeyondMaxRows(run, row);
                JsonNode node = ContactStore.JSON.readTree(parser);
                complete = row;
                if (node == null || !node.isObject()) {
                    run.reject(row, null, "not_an_object");
                    continue;
                }
                take(run, new ContactRow(row, text(node, "phone"), variables(node)));
            }
        } catch (IOException | UncheckedIOException e) {
            if (BoundedBody.exceeded(e)) {
                throw overMaxBytes(run, complete);
            }
            throw ApiException.badRequest("body", "is not a readable JSON array: " + e.getMessage());
        }
        return run.finish();
    }

    private ContactImport.Result importCsv(UUID tenantId, UUID campaignId, InputStream body) {
        var run = contactImport.start(tenantId, campaignId);
        var csv = new CsvReader(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16));
        int row = 0;
        int complete = 0;
        try {
            var header = csv.next();
            if (header == null) {
                throw ApiException.badRequest("body", "is empty; expected a CSV header with a phone column");
            }
            var names = header.stream().map(h -> h.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT)).toList();
            if (names.stream().anyMatch(name -> name.length() > limits.maxFieldLength())) {
                throw ApiException.badRequest("body", "a CSV column name is longer than " + limits.maxFieldLength()
                        + " characters (revos.dialer.contacts.max-field-length)");
            }
            var phoneColumn = PHONE_COLUMNS.stream().mapToInt(names::indexOf).filter(i -> i >= 0).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("body", "the CSV header has no phone column"));
            for (var fields = csv.next(); fields != null; fields = csv.next()) {
                if (fields.size() == 1 && fields.getFirst().isBlank()) {
                    continue;
                }
                row++;
                refuseBeyondMaxRows(run, row);
                complete = row;
                if (fields.size() != names.size()) {
                    run.reject(row, phoneColumn < fields.size() ? shown(fields.get(phoneColumn)) : null,
                            "wrong_column_count");
                    continue;
                }
                var variables = new LinkedHashMap<String, Object>();
                for (int i = 0; i < names.size(); i++) {
                    if (i != phoneColumn && !fields.get(i).isEmpty() && !names.get(i).isEmpty()) {
                        variables.put(names.get(i), fields.get(i));
                    }
                }
                take(run, new ContactRow(row, fields.get(phoneColumn), variables));
            }
        } catch (UncheckedIOException e) {
            if (BoundedBody.exceeded(e)) {
                throw overMaxBytes(run, complete);
            }
            throw ApiException.badRequest("body", "is not readable CSV");
        }
        return run.finish();
    }

    /** The row, unless one of its fields (the phone, a variable's name or value) is longer than the limit. */
    private void take(ContactImport.Upload run, ContactRow contact) {
        var max = limits.maxFieldLength();
        var tooLong = contact.phone() != null && contact.phone().length() > max
                || contact.variables().entrySet().stream().anyMatch(variable -> variable.getKey().length() > max
                        || variable.getValue() instanceof String value && value.length() > max);
        if (tooLong) {
            run.reject(contact.row(), shown(contact.phone()), "field_too_long");
        } else {
            run.accept(contact);
        }
    }

    /** A phone as a rejection echoes it: an over-long one is not sent back. */
    private @Nullable String shown(@Nullable String phone) {
        return phone == null || phone.length() > limits.maxFieldLength() ? null : phone;
    }

    private void refuseBeyondMaxRows(ContactImport.Upload run, int row) {
        if (row > limits.maxRows()) {
            var taken = run.finish();
            throw tooLarge("has more than " + limits.maxRows() + " rows (revos.dialer.contacts.max-rows)",
                    "Rows 1 to " + limits.maxRows() + " were read: " + taken.accepted() + " contacts accepted, "
                            + taken.rejectedCount() + " rejected. Upload the rest, from row " + row
                            + ", separately.");
        }
    }

    private ApiException overMaxBytes(ContactImport.Upload run, int rowsRead) {
        var taken = run.finish();
        return tooLarge("is over the limit of " + limits.maxBytes().toBytes() + " bytes "
                + "(revos.dialer.contacts.max-bytes)", "Rows 1 to " + rowsRead + " were read: " + taken.accepted()
                + " contacts accepted, " + taken.rejectedCount() + " rejected. Upload the rest, from row "
                + (rowsRead + 1) + ", separately.");
    }

    private static ApiException tooLarge(String reason, String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Upload too large",
                "The upload " + reason + ". " + detail, List.of(new ApiException.FieldError("body", reason)), null);
    }

    /**
     * Gives the first {@code limit} bytes, then fails the read after them if there is more: whatever was read before
     * the limit is taken whole, as a body of exactly the limit would be.
     */
    private static final class BoundedBody extends FilterInputStream {

        private final long limit;
        private long read;

        BoundedBody(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            if (read == limit) {
                return beyond();
            }
            var b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (read == limit) {
                return beyond();
            }
            var n = super.read(buffer, offset, (int) Math.min(length, limit - read));
            if (n > 0) {
                read += n;
            }
            return n;
        }

        /** No more than the limit holds: a decoder that reads on while bytes are "available" stops at it. */
        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), limit - read);
        }

        /** At the limit: the end of the body, or the refusal. */
        private int beyond() throws IOException {
            if (super.read() < 0) {
                return -1;
            }
            throw new Exceeded();
        }

        static boolean exceeded(Throwable e) {
            for (var cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof Exceeded) {
                    return true;
                }
            }
            return false;
        }

        private static final class Exceeded extends IOException {
            Exceeded() {
                super("the upload is over its byte limit");
            }
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
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
