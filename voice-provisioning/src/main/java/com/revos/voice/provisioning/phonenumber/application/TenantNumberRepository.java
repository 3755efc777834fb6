package com.revos.voice.provisioning.phonenumber.application;

import com.revos.voice.values.Page;
import com.revos.voice.values.PageWindow;
import com.revos.voice.provisioning.phonenumber.model.TenantNumber;
import java.util.Optional;
import java.util.UUID;

/** The numbers assigned to a tenant; every method runs inside a tenant transaction. */
public interface TenantNumberRepository {

    void insert(TenantNumber number);

    Optional<TenantNumber> find(UUID tenantId, UUID id);

    Page<TenantNumber> page(UUID tenantId, PageWindow window);

    void update(TenantNumber number);

    void delete(UUID tenantId, UUID id);
}
