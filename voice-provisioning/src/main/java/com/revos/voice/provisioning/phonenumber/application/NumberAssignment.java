package com.revos.voice.provisioning.phonenumber.application;

import com.revos.voice.events.ProvisioningEvent.NumberAgentAttached;
import com.revos.voice.events.ProvisioningEvent.NumberAssigned;
import com.revos.voice.events.ProvisioningEvent.NumberImported;
import com.revos.voice.events.ProvisioningEvent.NumberReleased;
import com.revos.voice.provisioning.agent.application.AgentRepository;
import com.revos.voice.provisioning.common.application.Events;
import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.provisioning.phonenumber.model.PoolNumber;
import com.revos.voice.provisioning.phonenumber.model.TenantNumber;
import com.revos.voice.provisioning.provider.application.NumberImport;
import com.revos.voice.provisioning.provider.application.VoiceAgentPlatform;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant's numbers: assigned from the pool (or bought), imported into the platform, attached to an agent. */
public final class NumberAssignment {

    private final PoolRepository pool;
    private final TenantNumberRepository numbers;
    private final AgentRepository agents;
    private final PhonePool phonePool;
    private final VoiceAgentPlatform platform;
    private final Transactions transactions;
    private final Events events;
    private final Clock clock;
    private final Settings settings;

    /**
     * @param autoPurchase buy from the carrier when the pool has no number that fits
     * @param defaultCountry the country to buy in when the request names none
     */
    public record Settings(boolean autoPurchase, String defaultCountry) {
    }

    public NumberAssignment(PoolRepository pool, TenantNumberRepository numbers, AgentRepository agents,
                            PhonePool phonePool, VoiceAgentPlatform platform, Transactions transactions,
                            Events events, Clock clock, Settings settings) {
        this.pool = pool;
        this.numbers = numbers;
        this.agents = agents;
        this.phonePool = phonePool;
        this.platform = platform;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    public TenantNumber assign(UUID tenantId, @Nullable String country, @Nullable String areaCode) {
        var fromPool = transactions.inTenant(tenantId, () -> pool.claimFree(country, areaCode, tenantId,
                clock.instant()).map(claimed -> record(tenantId, claimed, false)));
        if (fromPool.isPresent()) {
            return fromPool.get();
        }
        if (!settings.autoPurchase()) {
            throw ProvisioningException.conflict("No free number", "The pool has no free number"
                    + describe(country, areaCode) + "; ask the operator to add numbers, or try other filters");
        }
        var bought = phonePool.purchaseFor(tenantId, country == null ? settings.defaultCountry() : country, areaCode)
                .orElseThrow(() -> ProvisioningException.conflict("No free number", "The pool has no free number"
                        + describe(country, areaCode) + " and Twilio offers none to buy"));

        return transactions.inTenant(tenantId, () -> {
            pool.insert(bought);
            return record(tenantId, bought, true);
        });
    }

    public Page<TenantNumber> list(UUID tenantId, PageWindow window) {
        return transactions.inTenant(tenantId, () -> numbers.page(tenantId, window));
    }

    public TenantNumber get(UUID tenantId, UUID id) {
        return transactions.inTenant(tenantId, () -> numbers.find(tenantId, id))
                .orElseThrow(() -> ProvisioningException.notFound("phone number", id));
    }

    /** Removes the number from the platform first (if imported), then gives it back to the pool. */
    public void release(UUID tenantId, UUID id) {
        var number = get(tenantId, id);
        var platformId = number.providerPhoneNumberId();
        if (platformId != null) {
            platform.deleteNumber(platformId);
        }
        transactions.inTenant(tenantId, () -> {
            numbers.delete(tenantId, id);
            pool.free(number.poolId());
            events.publish(new NumberReleased(id, tenantId, number.e164(), clock.instant()));
            return null;
        });
    }

    /** Imports the number into the platform; importing an imported number changes nothing. */
    public TenantNumber importNumber(UUID tenantId, UUID id) {
        var number = get(tenantId, id);
        if (number.imported()) {
            return number;
        }
        var phoneNumberId = platform.importNumber(new NumberImport(number.e164(), "revos " + number.e164()));
        var importedAt = clock.instant();
        var imported = number.withImport(phoneNumberId, importedAt);
        return transactions.inTenant(tenantId, () -> {
            numbers.update(imported);
            events.publish(new NumberImported(id, tenantId, imported.e164(), phoneNumberId, importedAt));
            return imported;
        });
    }

    public TenantNumber attach(UUID tenantId, UUID id, UUID agentId) {
        var number = get(tenantId, id);
        var platformId = number.providerPhoneNumberId();
        if (platformId == null) {
            throw ProvisioningException.conflict("Number not imported",
                    "Import the number into ElevenLabs (POST .../phone-numbers/" + id + "/import) before attaching");
        }
        var agent = transactions.inTenant(tenantId, () -> agents.find(tenantId, agentId))
                .orElseThrow(() -> ProvisioningException.invalid("agent_id", "no agent with this id in this tenant"));
        platform.attachAgent(platformId, agent.providerAgentId());
        var attachedAt = clock.instant();
        var attached = number.withAgent(agentId, attachedAt);
        return transactions.inTenant(tenantId, () -> {
            numbers.update(attached);
            events.publish(new NumberAgentAttached(id, tenantId, agentId, platformId, attachedAt));
            return attached;
        });
    }

    /** {@code boughtForTenant}: the number was bought for this assignment (the event's {@code purchased}). */
    private TenantNumber record(UUID tenantId, PoolNumber claimed, boolean boughtForTenant) {
        var number = new TenantNumber(UUID.randomUUID(), tenantId, claimed.id(), claimed.e164(), claimed.twilioSid(),
                claimed.country(), claimed.areaCode(), boughtForTenant, null, null, clock.instant(), null, null);
        numbers.insert(number);
        events.publish(new NumberAssigned(number.id(), tenantId, number.e164(), number.country(), number.twilioSid(),
                number.purchased(), number.assignedAt()));
        return number;
    }

    private static String describe(@Nullable String country, @Nullable String areaCode) {
        return (country == null ? "" : " in " + country) + (areaCode == null ? "" : " with area code " + areaCode);
    }
}
