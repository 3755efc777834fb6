package com.revos.voice.provisioning.phonenumber.application;

import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.phonenumber.model.PoolNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The master pool; never read by tenant endpoints, only by operator and assignment code. */
public interface PoolRepository {

    void insert(PoolNumber number);

    /** Which of these numbers or Twilio SIDs the pool already holds. */
    Set<String> existing(Collection<String> e164sOrSids);

    Page<PoolNumber> page(PoolNumber.@Nullable Status status, PageWindow window);

    /**
     * Takes one free number matching the filters (null matches any) for the tenant, atomically: concurrent claims
     * never get the same number, and none waits on another's lock.
     */
    Optional<PoolNumber> claimFree(@Nullable String country, @Nullable String areaCode, UUID tenantId, Instant at);

    void free(UUID poolId);
}
