package com.revos.voice.dialer.campaign.application;

import com.revos.voice.dialer.campaign.model.Campaign;
import com.revos.voice.dialer.compliance.application.TenantSettings;
import com.revos.voice.dialer.compliance.model.ConsentRule;
import com.revos.voice.dialer.compliance.model.ContactFacts;
import com.revos.voice.dialer.compliance.model.Purpose;
import java.util.HashMap;
import com.revos.voice.dialer.campaign.model.ContactRow;
import com.revos.voice.dialer.campaign.model.ContactZones;
import com.revos.voice.dialer.common.application.Transactions;
import com.revos.voice.values.E164;
import com.revos.voice.dialer.suppression.application.SuppressionList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Takes an upload of contacts into a campaign in batches, whatever format it came in. Every row that is not taken
 * is reported with its reason: invalid number, duplicate (in the upload or already in the campaign), suppressed,
 * a location or consent field that cannot be read ({@code invalid_time_zone}, ...), no written consent for a
 * marketing campaign of a tenant that requires it ({@code no_written_consent}: never dialed), or what the reader
 * found wrong with it. The answer counts every rejection but lists only the first {@code maxRejectionsListed} by
 * row: an upload of a million bad rows must not hold a million reasons in memory.
 */
public class ContactImport {

    static final int BATCH = 1000;

    private final ContactQueue contacts;
    private final SuppressionList suppressions;
    private final ContactZones zones;
    private final Transactions transactions;
    private final CampaignRecords campaigns;
    private final TenantSettings tenants;
    private final int maxRejectionsListed;

    public ContactImport(ContactQueue contacts, SuppressionList suppressions, ContactZones zones,
                         Transactions transactions, CampaignRecords campaigns, TenantSettings tenants,
                         int maxRejectionsListed) {
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.zones = zones;
        this.transactions = transactions;
        this.campaigns = campaigns;
        this.tenants = tenants;
        this.maxRejectionsListed = maxRejectionsListed;
    }

    public record Rejection(int row, @Nullable String phone, String reason) {
    }

    /**
     * @param rejectedCount every row not taken
     * @param rejected the first of them by row, at most {@code maxRejectionsListed}
     * @param rejectedTruncated whether more were rejected than listed
     */
    public record Result(long accepted, long rejectedCount, List<Rejection> rejected, boolean rejectedTruncated) {
    }

    /** Starts an upload into the campaign; rows are given to it as they are read. */
    public Upload start(UUID tenantId, UUID campaignId) {
        return new Upload(tenantId, campaignId);
    }

    /** One upload in progress. */
    public final class Upload {
        private final UUID tenantId;
        private final UUID campaignId;
        private final HashSet<String> seen = new HashSet<>();
        private final List<Normalized> batch = new ArrayList<>(BATCH);
        /** The rejections of the lowest rows so far; the highest on top, to give way to a lower one. */
        private final PriorityQueue<Rejection> rejected =
                new PriorityQueue<>(Comparator.comparingInt(Rejection::row).reversed());
        private long rejectedCount;
        private final HashMap<String, ContactFacts> facts = new HashMap<>();
        private final Purpose purpose;
        private final boolean writtenRequired;
        private long accepted;

        private Upload(UUID tenantId, UUID campaignId) {
            this.tenantId = tenantId;
            this.campaignId = campaignId;
            this.purpose = transactions.inTransaction(() -> campaigns.find(campaignId)).map(Campaign::purpose)
                    .orElse(Purpose.MARKETING);
            // the tenant's own settings are rows of its own: read in a transaction, under row-level security
            this.writtenRequired = transactions.inTransaction(() -> tenants.rules(tenantId))
                    .writtenConsentForMarketing();
        }

        /** A row the reader could not take, with why ({@code not_an_object}, {@code wrong_column_count}, ...). */
        /** A row that passed the checks, with its number in E.164. */
        private record Normalized(int row, String phone, Map<String, Object> variables) {
        }

        public void reject(int row, @Nullable String phone, String reason) {
            rejectedCount++;
            rejected.add(new Rejection(row, phone, reason));
            if (rejected.size() > maxRejectionsListed) {
                rejected.poll();
            }
        }

        public void accept(ContactRow row) {
            var phone = E164.normalize(row.phone()).map(E164::value);
            if (phone.isEmpty()) {
                reject(row.row(), row.phone(), "invalid_number");
                return;
            }
            var read = ContactFacts.read(row.variables());
            if (!read.problems().isEmpty()) {
                reject(row.row(), row.phone(), "invalid_" + read.problems().getFirst().field());
                return;
            }
            if (ConsentRule.missing(purpose, read.facts().consent(), writtenRequired).isPresent()) {
                reject(row.row(), row.phone(), "no_written_consent");
                return;
            }
            if (!seen.add(phone.get())) {
                reject(row.row(), row.phone(), "duplicate");
                return;
            }
            facts.put(phone.get(), read.facts());
            batch.add(new Normalized(row.row(), phone.get(), row.variables()));
            if (batch.size() == BATCH) {
                flush();
            }
        }

        public Result finish() {
            flush();
            var listed = new ArrayList<>(rejected);
            listed.sort(Comparator.comparingInt(Rejection::row));
            return new Result(accepted, rejectedCount, listed, rejectedCount > listed.size());
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            transactions.inTransaction(() -> {
                var suppressed = suppressions.suppressedAmong(tenantId,
                        batch.stream().map(Normalized::phone).toList());
                var toInsert = new ArrayList<ContactQueue.NewContact>();
                for (var row : batch) {
                    if (suppressed.contains(row.phone())) {
                        reject(row.row(), row.phone(), "suppressed");
                    } else {
                        var contact = facts.getOrDefault(row.phone(), ContactFacts.NONE);
                        toInsert.add(new ContactQueue.NewContact(UUID.randomUUID(), row.row(), row.phone(),
                                zoneKey(row.phone(), contact), row.variables(), contact));
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
            facts.clear();
        }
    }

    /** The number's zones and the contact's own, so that the campaign window is applied in all of them. */
    private String zoneKey(String phone, ContactFacts contact) {
        var key = zones.zoneKey(phone);
        if (contact.timeZone() == null) {
            return key;
        }
        var all = new java.util.TreeSet<>(List.of(key.split(",")));
        all.add(contact.timeZone().getId());
        return String.join(",", all);
    }
}
