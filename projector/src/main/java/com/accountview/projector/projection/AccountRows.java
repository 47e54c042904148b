package com.accountview.projector.projection;

import java.util.List;

import com.accountview.projector.events.AccountSnapshot;
import com.accountview.projector.events.EntityEvent.AccountCreated;
import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.projector.events.EntityEvent.Versioned;
import org.jdbi.v3.core.Handle;

/** The {@code account} table. Stateless and thread-safe. */
final class AccountRows extends EntityRows {

    private static final String UPSERT = """
            INSERT INTO account AS stored (generation, account_id, org_id, external_id, customer_id, status,
                                           created_at, updated_at, version, deleted, event_id, event_time)
            SELECT :generation, CAST(w.account_id AS uuid), w.org_id, w.external_id, CAST(w.customer_id AS uuid),
                   w.status, CAST(w.created_at AS timestamptz), CAST(w.updated_at AS timestamptz),
                   CAST(w.version AS numeric), CAST(w.deleted AS boolean), w.event_id, CAST(w.event_time AS timestamptz)
            FROM unnest(CAST(:account_ids AS text[]), CAST(:org_ids AS text[]), CAST(:external_ids AS text[]),
                        CAST(:customer_ids AS text[]), CAST(:statuses AS text[]), CAST(:created_ats AS text[]),
                        CAST(:updated_ats AS text[]), CAST(:versions AS text[]), CAST(:deleted AS text[]),
                        CAST(:event_ids AS text[]), CAST(:event_times AS text[]))
                 AS w(account_id, org_id, external_id, customer_id, status, created_at, updated_at, version,
                      deleted, event_id, event_time)
            ON CONFLICT (generation, account_id) DO UPDATE SET
                org_id = EXCLUDED.org_id, external_id = EXCLUDED.external_id, customer_id = EXCLUDED.customer_id,
                status = EXCLUDED.status, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
                version = EXCLUDED.version, deleted = EXCLUDED.deleted, event_id = EXCLUDED.event_id,
                event_time = EXCLUDED.event_time, applied_at = now()
            WHERE stored.version < EXCLUDED.version
               OR (stored.version = EXCLUDED.version AND EXCLUDED.deleted AND NOT stored.deleted)
            """;

    AccountRows() {
        super("account", "account_id");
    }

    @Override
    int write(Handle handle, int generation, List<EntityWrite> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        List<AccountSnapshot> snapshots = writes.stream().map(write -> write.deleted() ? null : snapshot(write.source())).toList();
        return handle.createUpdate(UPSERT)
                .bind("generation", generation)
                .bindArray("account_ids", String.class, writes.stream().map(w -> text(w.entityId())).toList())
                .bindArray("org_ids", String.class, writes.stream().map(w -> w.source().metadata().orgId()).toList())
                .bindArray("external_ids", String.class, snapshots.stream().map(s -> s == null ? null : s.externalId()).toList())
                .bindArray("customer_ids", String.class, snapshots.stream().map(s -> s == null ? null : text(s.customerId())).toList())
                .bindArray("statuses", String.class, snapshots.stream().map(s -> s == null ? null : text(s.status())).toList())
                .bindArray("created_ats", String.class, snapshots.stream().map(s -> s == null ? null : text(s.createdAt())).toList())
                .bindArray("updated_ats", String.class, snapshots.stream().map(s -> s == null ? null : text(s.updatedAt())).toList())
                .bindArray("versions", String.class, writes.stream().map(w -> version(w.version())).toList())
                .bindArray("deleted", String.class, writes.stream().map(w -> String.valueOf(w.deleted())).toList())
                .bindArray("event_ids", String.class, writes.stream().map(w -> w.source().metadata().id()).toList())
                .bindArray("event_times", String.class, writes.stream().map(w -> text(w.source().metadata().time())).toList())
                .execute();
    }

    private static AccountSnapshot snapshot(Versioned event) {
        if (event instanceof AccountCreated created) {
            return created.account();
        }
        if (event instanceof AccountUpdated updated) {
            return updated.account();
        }
        throw new IllegalArgumentException("not an account state: " + event.metadata().type());
    }
}
