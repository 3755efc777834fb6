package com.revos.voice.dialer.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.revos.voice.events.CallOutcome;
import com.revos.voice.events.CampaignEvent;
import com.revos.voice.plumbing.outbox.OutboxWriter;
import com.revos.voice.service.TenantContext;
import com.revos.voice.testsupport.TenantPolicies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL row-level security, the second line behind the tenant filters of the queries (ADR 0007): the
 * transactions of a tenant request run as {@code dialer_tenant} with the tenant set, and there a query that names no
 * tenant sees that tenant's rows only, or none at all when no tenant is set.
 */
class RowLevelSecurityIT extends DialerIntegrationTest {

    /** Every table holding tenants' rows; {@link #aTenantWithRowsEverywhere()} writes one row into each. */
    private static final List<String> TENANT_TABLES = List.of("agents", "numbers", "suppressions", "campaigns",
            "contacts", "calls", "usage_ledger", "idempotency_keys", "dial_evidence", "suppression_versions",
            "abandonment_log", "tenant_compliance_settings", "outbox");
    /** All but the outbox, which tenant requests only append to. */
    private static final List<String> READ_BY_TENANT_REQUESTS = TENANT_TABLES.subList(0, TENANT_TABLES.size() - 1);

    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DataSource database;
    @Autowired
    OutboxWriter outbox;

    @Test
    void in_a_tenant_request_a_query_without_a_tenant_filter_sees_only_that_tenants_rows() {
        var tenant = aTenantWithRowsEverywhere();
        aTenantWithRowsEverywhere();

        var asTheTenant = TenantContext.runAs(tenant, () -> transactions.execute(status -> tenantsPerTable()));
        var asTheService = transactions.execute(status -> tenantsPerTable());

        assertThat(asTheTenant).allSatisfy((table, tenants) -> assertThat(tenants).as(table).containsExactly(tenant));
        assertThat(asTheService).allSatisfy((table, tenants) -> assertThat(tenants).as(table).hasSizeGreaterThan(1));
    }

    @Test
    void under_the_tenant_role_without_a_tenant_no_rows_are_seen() {
        aTenantWithRowsEverywhere();

        // never set, and '' as the setting reads for the rest of a session after a transaction-local set_config
        var unset = underTheTenantRole(null);
        var cleared = underTheTenantRole("");
        Map<String, Long> asTheService = transactions.execute(status -> rowsPerTable());

        assertThat(unset).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(cleared).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(asTheService).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    }

    @Test
    void a_tenant_request_cannot_write_another_tenants_rows_nor_announce_its_events() {
        var tenant = UUID.randomUUID();
        var another = UUID.randomUUID();

        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> transactions.execute(status ->
                jdbc.update("INSERT INTO suppressions (tenant_id, phone) VALUES (?, ?)", another, nextNumber()))))
                .rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> TenantContext.runAs(tenant, () -> transactions.execute(status ->
                outbox.record(new CampaignEvent.CampaignResumed(UUID.randomUUID(), another, Instant.now())))))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void a_tenant_request_over_http_sees_only_its_tenants_rows_where_a_query_names_no_tenant() {
        var p = provision();
        var campaign = createCampaign(p, 1, 1, 0);
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", nextNumber())));
        // a row the application never writes: another tenant's contact in this campaign. A campaign's progress counts
        // its contacts without naming the tenant, so only row-level security keeps this one out
        var stray = UUID.randomUUID();
        jdbc.update("INSERT INTO contacts (id, campaign_id, tenant_id, row_no, phone, zone_key) "
                + "VALUES (?, ?::uuid, ?, 2, ?, 'UTC')", stray, campaign, UUID.randomUUID(), nextNumber());
        try {
            assertThat(get(p, "/campaigns/" + campaign).body().at("/progress/total").asLong()).isEqualTo(1);
            assertThat(get(p, "/campaigns").body().get("items")).singleElement()
                    .satisfies(item -> assertThat(item.at("/progress/total").asLong()).isEqualTo(1));
        } finally {
            jdbc.update("DELETE FROM contacts WHERE id = ?", stray);
        }
    }

    @Test
    void a_tenant_request_reaches_the_database_only_in_a_transaction() {
        assertThatThrownBy(() -> TenantContext.runAs(UUID.randomUUID(),
                () -> jdbc.queryForObject("SELECT count(*) FROM campaigns", Long.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a transaction");
    }

    @Test
    void every_table_with_a_tenant_id_is_forced_under_the_tenant_policy() {
        var withTenantId = TenantPolicies.tablesWithTenantId(database);
        var forcedUnderThePolicy = TenantPolicies.tablesForcedUnderTheTenantPolicy(database);

        assertThat(withTenantId).containsExactlyInAnyOrderElementsOf(TENANT_TABLES);
        assertThat(forcedUnderThePolicy).containsExactlyInAnyOrderElementsOf(withTenantId);
    }

    /** A tenant with a row in every tenant table, written through its API and an outcome from the webhook intake. */
    private UUID aTenantWithRowsEverywhere() {
        var p = provision();
        var campaign = createCampaign(p, 1, 1, 0);
        post(p, "/campaigns/" + campaign + "/contacts", List.of(Map.of("phone", nextNumber())));
        post(p, "/suppressions", Map.of("phone", nextNumber()));
        put(p, "/compliance-settings", Map.of("calls_per24h", 5));
        var call = postWithKey(p, "/calls", Map.of("agent_id", p.agentId(), "phone_number_id", p.numberId(),
                "to_number", nextNumber()), UUID.randomUUID().toString()).body();
        org.assertj.core.api.Assertions.assertThat(call.has("provider_call_id")).as("placed: %s", call).isTrue();
        publish(completion(p, call, CallOutcome.CONNECTED, 12, "0.02"));
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM usage_ledger WHERE tenant_id = ?", Integer.class, p.tenantId()) == 1);
        // the single call left its evidence and the suppression bumped the list's version; a live-answered
        // campaign call would leave an abandonment row, written here directly
        jdbc.update("INSERT INTO abandonment_log (call_id, tenant_id, campaign_id, abandoned, answered_at) "
                + "VALUES (?, ?, ?::uuid, false, now())", UUID.randomUUID(), p.tenantId(), campaign);
        return p.tenantId();
    }

    private Map<String, List<UUID>> tenantsPerTable() {
        var tenants = new LinkedHashMap<String, List<UUID>>();
        READ_BY_TENANT_REQUESTS.forEach(table -> tenants.put(table,
                jdbc.queryForList("SELECT DISTINCT tenant_id FROM " + table, UUID.class)));
        return tenants;
    }

    private Map<String, Long> rowsPerTable() {
        var rows = new LinkedHashMap<String, Long>();
        READ_BY_TENANT_REQUESTS.forEach(table -> rows.put(table,
                jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class)));
        return rows;
    }

    /** What the tenant role sees with {@code app.tenant_id} as given ({@code null}: never set). */
    private Map<String, Long> underTheTenantRole(String tenantSetting) {
        return transactions.execute(status -> {
            jdbc.execute("SET LOCAL ROLE dialer_tenant");
            if (tenantSetting != null) {
                jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, true)", String.class, tenantSetting);
            }
            return rowsPerTable();
        });
    }
}
