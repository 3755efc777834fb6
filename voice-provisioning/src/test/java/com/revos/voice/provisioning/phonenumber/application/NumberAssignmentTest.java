package com.revos.voice.provisioning.phonenumber.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.revos.voice.events.ProvisioningEvent;
import com.revos.voice.events.ProvisioningEvent.NumberAssigned;
import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.common.application.ProvisioningException;
import com.revos.voice.provisioning.common.application.Transactions;
import com.revos.voice.provisioning.phonenumber.model.PoolNumber;
import com.revos.voice.provisioning.phonenumber.model.TenantNumber;
import com.revos.voice.provisioning.provider.application.AvailableNumber;
import com.revos.voice.provisioning.provider.application.OwnedNumber;
import com.revos.voice.provisioning.provider.application.TelephonyCarrier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Assignment when the pool has nothing that fits: buy (when allowed) or refuse clearly. */
class NumberAssignmentTest {

    private static final String BOUGHT = "+15125550199";
    private static final String BOUGHT_SID = "PN" + "ab".repeat(16);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryPool pool = new InMemoryPool();
    private final InMemoryNumbers numbers = new InMemoryNumbers();
    private final List<ProvisioningEvent> events = new ArrayList<>();
    private final Carrier carrier = new Carrier();
    private final Transactions direct = new Transactions() {
        @Override
        public <T> T inTenant(UUID tenantId, Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T asOperator(Supplier<T> work) {
            return work.get();
        }
    };

    @Test
    void an_empty_pool_buys_a_number_for_the_tenant_when_auto_purchase_is_on() {
        var tenant = UUID.randomUUID();

        var number = assignment(true).assign(tenant, null, "512");

        assertThat(number.e164()).isEqualTo(BOUGHT);
        assertThat(number.purchased()).isTrue();
        assertThat(carrier.searchedCountry).isEqualTo("US");
        assertThat(pool.numbers).singleElement().satisfies(bought -> {
            assertThat(bought.status()).isEqualTo(PoolNumber.Status.ASSIGNED);
            assertThat(bought.tenantId()).isEqualTo(tenant);
            assertThat(bought.areaCode()).isEqualTo("512");
        });
        assertThat(events).singleElement().isInstanceOfSatisfying(NumberAssigned.class, event -> {
            assertThat(event.purchased()).isTrue();
            assertThat(event.twilioSid()).isEqualTo(BOUGHT_SID);
        });
    }

    @Test
    void an_empty_pool_is_a_conflict_when_auto_purchase_is_off() {
        assertThatThrownBy(() -> assignment(false).assign(UUID.randomUUID(), "US", "512"))
                .isInstanceOfSatisfying(ProvisioningException.class, e ->
                        assertThat(e.kind()).isEqualTo(ProvisioningException.Kind.CONFLICT));
        assertThat(carrier.searchedCountry).isNull();
        assertThat(events).isEmpty();
    }

    private NumberAssignment assignment(boolean autoPurchase) {
        var phonePool = new PhonePool(pool, carrier, direct, clock);
        return new NumberAssignment(pool, numbers, null, phonePool, null, direct, events::add, clock,
                new NumberAssignment.Settings(autoPurchase, "US"));
    }

    private static final class Carrier implements TelephonyCarrier {
        String searchedCountry;

        @Override
        public List<AvailableNumber> searchLocal(String country, String areaCode, int limit) {
            searchedCountry = country;
            return List.of(new AvailableNumber(BOUGHT, "Austin", "TX", "US"));
        }

        @Override
        public OwnedNumber buy(String e164) {
            return new OwnedNumber(BOUGHT_SID, e164);
        }

        @Override
        public void release(String carrierId) {
        }
    }

    private static final class InMemoryPool implements PoolRepository {
        final List<PoolNumber> numbers = new ArrayList<>();

        @Override
        public void insert(PoolNumber number) {
            numbers.add(number);
        }

        @Override
        public Set<String> existing(Collection<String> e164sOrSids) {
            return Set.of();
        }

        @Override
        public Page<PoolNumber> page(PoolNumber.Status status, PageWindow window) {
            return new Page<>(numbers, window.limit(), window.offset(), numbers.size());
        }

        @Override
        public Optional<PoolNumber> claimFree(String country, String areaCode, UUID tenantId, Instant at) {
            return Optional.empty();
        }

        @Override
        public void free(UUID poolId) {
        }
    }

    private static final class InMemoryNumbers implements TenantNumberRepository {
        final List<TenantNumber> numbers = new ArrayList<>();

        @Override
        public void insert(TenantNumber number) {
            numbers.add(number);
        }

        @Override
        public Optional<TenantNumber> find(UUID tenantId, UUID id) {
            return numbers.stream().filter(n -> n.id().equals(id)).findFirst();
        }

        @Override
        public Page<TenantNumber> page(UUID tenantId, PageWindow window) {
            return new Page<>(numbers, window.limit(), window.offset(), numbers.size());
        }

        @Override
        public void update(TenantNumber number) {
        }

        @Override
        public void delete(UUID tenantId, UUID id) {
        }
    }
}
