package com.revos.voice.provisioning.common.application;

import java.util.UUID;
import java.util.function.Supplier;

/** Database transactions as the use cases need them: scoped to one tenant (row-level security), or the operator's. */
public interface Transactions {

    /** Runs the work in one transaction that can only see and write the tenant's rows. */
    <T> T inTenant(UUID tenantId, Supplier<T> work);

    /** Runs the work in one transaction on the operator's tables (the master pool). */
    <T> T asOperator(Supplier<T> work);
}
