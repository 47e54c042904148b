package com.accountview.projector.projection;

import java.util.List;

import com.accountview.projector.events.ContractSnapshot;
import com.accountview.projector.events.EntityEvent.ContractCreated;
import com.accountview.projector.events.EntityEvent.ContractUpdated;
import com.accountview.projector.events.EntityEvent.Versioned;
import org.jdbi.v3.core.Handle;

/** The {@code contract} table. Stateless and thread-safe. */
final class ContractRows extends EntityRows {

    private static final String UPSERT = """
            INSERT INTO contract AS stored (generation, contract_id, org_id, account_id, status, product_id,
                                            product_name, start_date, end_date, created_at, updated_at,
                                            version, deleted, event_id, event_time)
            SELECT :generation, CAST(w.contract_id AS uuid), w.org_id, CAST(w.account_id AS uuid), w.status,
                   w.product_id, w.product_name, CAST(w.start_date AS timestamptz), CAST(w.end_date AS timestamptz),
                   CAST(w.created_at AS timestamptz), CAST(w.updated_at AS timestamptz),
                   CAST(w.version AS numeric), CAST(w.deleted AS boolean), w.event_id, CAST(w.event_time AS timestamptz)
            FROM unnest(CAST(:contract_ids AS text[]), CAST(:org_ids AS text[]), CAST(:account_ids AS text[]),
                        CAST(:statuses AS text[]), CAST(:product_ids AS text[]), CAST(:product_names AS text[]),
                        CAST(:start_dates AS text[]), CAST(:end_dates AS text[]), CAST(:created_ats AS text[]),
                        CAST(:updated_ats AS text[]), CAST(:versions AS text[]), CAST(:deleted AS text[]),
                        CAST(:event_ids AS text[]), CAST(:event_times AS text[]))
                 AS w(contract_id, org_id, account_id, status, product_id, product_name, start_date, end_date,
                      created_at, updated_at, version, deleted, event_id, event_time)
            ON CONFLICT (generation, contract_id) DO UPDATE SET
                org_id = EXCLUDED.org_id, account_id = EXCLUDED.account_id, status = EXCLUDED.status,
                product_id = EXCLUDED.product_id, product_name = EXCLUDED.product_name,
                start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, created_at = EXCLUDED.created_at,
                updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, deleted = EXCLUDED.deleted,
                event_id = EXCLUDED.event_id, event_time = EXCLUDED.event_time, applied_at = now()
            WHERE stored.version < EXCLUDED.version
               OR (stored.version = EXCLUDED.version AND EXCLUDED.deleted AND NOT stored.deleted)
            """;

    ContractRows() {
        super("contract", "contract_id");
    }

    @Override
    int write(Handle handle, int generation, List<EntityWrite> writes) {
        if (writes.isEmpty()) {
            return 0;
        }
        List<ContractSnapshot> snapshots = writes.stream().map(write -> write.deleted() ? null : snapshot(write.source())).toList();
        return handle.createUpdate(UPSERT)
                .bind("generation", generation)
                .bindArray("contract_ids", String.class, writes.stream().map(w -> text(w.entityId())).toList())
                .bindArray("org_ids", String.class, writes.stream().map(w -> w.source().metadata().orgId()).toList())
                .bindArray("account_ids", String.class, snapshots.stream().map(s -> s == null ? null : text(s.accountId())).toList())
                .bindArray("statuses", String.class, snapshots.stream().map(s -> s == null ? null : text(s.status())).toList())
                .bindArray("product_ids", String.class, snapshots.stream().map(s -> s == null ? null : s.productId()).toList())
                .bindArray("product_names", String.class, snapshots.stream().map(s -> s == null ? null : s.productName()).toList())
                .bindArray("start_dates", String.class, snapshots.stream().map(s -> s == null ? null : text(s.startDate())).toList())
                .bindArray("end_dates", String.class, snapshots.stream().map(s -> s == null ? null : text(s.endDate())).toList())
                .bindArray("created_ats", String.class, snapshots.stream().map(s -> s == null ? null : text(s.createdAt())).toList())
                .bindArray("updated_ats", String.class, snapshots.stream().map(s -> s == null ? null : text(s.updatedAt())).toList())
                .bindArray("versions", String.class, writes.stream().map(w -> version(w.version())).toList())
                .bindArray("deleted", String.class, writes.stream().map(w -> String.valueOf(w.deleted())).toList())
                .bindArray("event_ids", String.class, writes.stream().map(w -> w.source().metadata().id()).toList())
                .bindArray("event_times", String.class, writes.stream().map(w -> text(w.source().metadata().time())).toList())
                .execute();
    }

    private static ContractSnapshot snapshot(Versioned event) {
        if (event instanceof ContractCreated created) {
            return created.contract();
        }
        if (event instanceof ContractUpdated updated) {
            return updated.contract();
        }
        throw new IllegalArgumentException("not a contract state: " + event.metadata().type());
    }
}
