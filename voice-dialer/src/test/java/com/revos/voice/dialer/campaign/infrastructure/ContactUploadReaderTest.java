package com.revos.voice.dialer.campaign.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.dialer.campaign.application.ContactImport;
import com.revos.voice.dialer.campaign.application.InMemoryCampaigns;
import com.revos.voice.dialer.compliance.model.DialFacts;
import com.revos.voice.dialer.campaign.application.ContactQueue;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.dialer.suppression.application.SuppressionList;
import com.revos.voice.events.CallOutcome;
import com.revos.voice.service.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The bounds of one contact upload (ADR 0019), on an in-memory campaign: rows, bytes, field length, rejections. */
class ContactUploadReaderTest {

    private final List<ContactQueue.NewContact> campaign = new ArrayList<>();
    private final UUID tenant = UUID.randomUUID();
    private final UUID campaignId = UUID.randomUUID();

    private ContactUploadReader reader(long maxBytes, int maxRows, int maxFieldLength, int listed) {
        var contactImport = new ContactImport(new InMemoryQueue(), new NoSuppressions(),
                new ContactZones(ZoneOffset.UTC), new NoTransactions(), new InMemoryCampaigns(),
                tenantId -> new DialFacts.TenantRules(3, false), listed);
        return new ContactUploadReader(contactImport, new ContactUploadLimits(DataSize.ofBytes(maxBytes), maxRows,
                maxFieldLength, listed));
    }

    private static String csv(int rows, int from) {
        var csv = new StringBuilder("phone,segment\n");
        for (var i = 0; i < rows; i++) {
            csv.append(number(from + i)).append(",s\n");
        }
        return csv.toString();
    }

    private static String number(int n) {
        return "+1212" + (201 + n / 10_000) + String.format("%04d", n % 10_000);
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_a_row_is_read() {
        var text = csv(10, 0);

        assertThatThrownBy(() -> reader(100, 1000, 100, 10).read(tenant, campaignId, "text/csv", text.length(),
                body(text)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getMessage()).contains("revos.dialer.contacts.max-bytes").contains("Nothing was read");
                });
        assertThat(campaign).isEmpty();
    }

    @Test
    void a_stream_that_passes_the_byte_limit_keeps_the_whole_rows_read_before_it_and_says_where_to_resume() {
        // 14 bytes of header, 15 per row: the limit falls inside row 7
        var text = csv(20, 0);

        assertThatThrownBy(() -> reader(14 + 15 * 6 + 5, 1000, 100, 10).read(tenant, campaignId, "text/csv", -1,
                body(text)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.getMessage()).contains("Rows 1 to 6 were read: 6 contacts accepted")
                            .contains("from row 7");
                });
        assertThat(campaign).extracting(ContactQueue.NewContact::phone)
                .containsExactlyElementsOf(List.of(number(0), number(1), number(2), number(3), number(4), number(5)));
    }

    @Test
    void a_json_stream_past_the_byte_limit_is_refused_the_same_way() {
        var json = new StringBuilder("[");
        for (var i = 0; i < 50; i++) {
            json.append(i == 0 ? "" : ",").append("{\"phone\":\"").append(number(i)).append("\"}");
        }
        json.append(']');

        assertThatThrownBy(() -> reader(300, 1000, 100, 10).read(tenant, campaignId, "application/json", -1,
                body(json.toString())))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status())
                        .isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThat(campaign).isNotEmpty().hasSizeLessThan(50);
    }

    @Test
    void the_row_after_the_last_allowed_is_not_read_and_the_answer_names_the_limit() {
        assertThatThrownBy(() -> reader(1 << 20, 5, 100, 10).read(tenant, campaignId, "text/csv", -1,
                body(csv(8, 0))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(e.fieldErrors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("body");
                        assertThat(error.reason()).contains("more than 5 rows").contains("max-rows");
                    });
                    assertThat(e.getMessage()).contains("5 contacts accepted").contains("from row 6");
                });
        assertThat(campaign).hasSize(5);
        assertThat(reader(1 << 20, 5, 100, 10).read(tenant, UUID.randomUUID(), "text/csv", -1, body(csv(5, 100)))
                .accepted()).isEqualTo(5);
    }

    @Test
    void a_row_with_a_field_over_the_limit_is_rejected_without_echoing_it_and_the_rest_are_taken() {
        var longNote = "n".repeat(101);
        var text = "phone,note\n" + number(0) + ",short\n" + number(1) + "," + longNote + "\n" + "9".repeat(200)
                + ",x\n" + number(2) + ",ok\n";

        var result = reader(1 << 20, 1000, 100, 10).read(tenant, campaignId, "text/csv", -1, body(text));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).extracting(ContactImport.Rejection::row, ContactImport.Rejection::phone,
                ContactImport.Rejection::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, number(1), "field_too_long"),
                org.assertj.core.groups.Tuple.tuple(3, null, "field_too_long"));
        assertThatThrownBy(() -> reader(1 << 20, 1000, 10, 10).read(tenant, campaignId, "text/csv", -1,
                body("phone,a_very_long_column_name\n" + number(3) + ",x\n")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors().getFirst().reason())
                        .contains("max-field-length"));
    }

    @Test
    void the_answer_counts_every_rejection_and_lists_the_first_by_row() {
        var text = new StringBuilder("phone\n");
        for (var i = 0; i < 30; i++) {
            text.append(i % 2 == 0 ? "bad-" + i : number(i)).append('\n');
        }

        var result = reader(1 << 20, 1000, 100, 4).read(tenant, campaignId, "text/csv", -1, body(text.toString()));

        assertThat(result.accepted()).isEqualTo(15);
        assertThat(result.rejectedCount()).isEqualTo(15);
        assertThat(result.rejectedTruncated()).isTrue();
        assertThat(result.rejected()).extracting(ContactImport.Rejection::row).containsExactly(1, 3, 5, 7);
    }

    @Test
    void an_idempotent_upload_is_spooled_with_its_fingerprint_and_over_the_limit_nothing_is_taken() throws Exception {
        var text = csv(3, 0);
        try (var spooled = reader(1 << 20, 1000, 100, 10).spool(-1, body(text))) {
            assertThat(spooled.size()).isEqualTo(text.length());
            assertThat(spooled.sha256()).hasSize(64);
            assertThat(java.nio.file.Files.readString(spooled.file())).isEqualTo(text);
        }

        assertThatThrownBy(() -> reader(20, 1000, 100, 10).spool(-1, body(text)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains("Nothing was taken"));
        assertThat(campaign).isEmpty();
    }

    private final class InMemoryQueue implements ContactQueue {

        @Override
        public boolean[] insert(UUID campaign, UUID tenantId, List<NewContact> batch) {
            var inserted = new boolean[batch.size()];
            for (var i = 0; i < batch.size(); i++) {
                var phone = batch.get(i).phone();
                inserted[i] = ContactUploadReaderTest.this.campaign.stream().noneMatch(c -> c.phone().equals(phone));
                if (inserted[i]) {
                    ContactUploadReaderTest.this.campaign.add(batch.get(i));
                }
            }
            return inserted;
        }

        @Override
        public long count(UUID campaign) {
            return ContactUploadReaderTest.this.campaign.size();
        }

        @Override
        public List<String> pendingZoneKeys(UUID campaign) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int suppressPending(UUID campaign, UUID tenantId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Claimed> claim(UUID campaign, UUID tenantId, List<String> openZones, int maxAttempts, Instant now,
                                   int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void requeueUndialed(UUID contactId, int attempt, Instant notBefore) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<UUID> afterOutcome(UUID contactId, int attempt, CallOutcome outcome, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void withhold(UUID contactId, int attempt) {
        }

        @Override
        public void cancelPending(UUID campaign) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class NoSuppressions implements SuppressionList {

        @Override
        public boolean isSuppressed(UUID tenantId, String phone) {
            return false;
        }

        @Override
        public Set<String> suppressedAmong(UUID tenantId, Collection<String> phones) {
            return Set.of();
        }
    }

    private static final class NoTransactions implements Transactions {

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }
}
