package com.accountview.projector.projection;

import java.util.Map;
import java.util.function.Function;

import com.accountview.projector.events.AccountSnapshot;
import com.accountview.projector.events.EntityEvent.AccountCreated;
import com.accountview.projector.events.EntityEvent.AccountUpdated;

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
            -- the version guard: VersionKey's order (sequence, then a delete, then the event id)
            WHERE (stored.version, stored.deleted, stored.event_id COLLATE "C")
                < (EXCLUDED.version, EXCLUDED.deleted, EXCLUDED.event_id COLLATE "C")
            """;

    AccountRows() {
        super("account", "account_id", UPSERT, parameters());
    }

    private static Map<String, Function<EntityWrite, String>> parameters() {
        Map<String, Function<EntityWrite, String>> parameters = commonParameters("account_ids");
        parameters.put("external_ids", stateValue(AccountRows::account, AccountSnapshot::externalId));
        parameters.put("customer_ids", stateValue(AccountRows::account, AccountSnapshot::customerId));
        parameters.put("statuses", stateValue(AccountRows::account, AccountSnapshot::status));
        parameters.put("created_ats", stateValue(AccountRows::account, AccountSnapshot::createdAt));
        parameters.put("updated_ats", stateValue(AccountRows::account, AccountSnapshot::updatedAt));
        return parameters;
    }

    private static AccountSnapshot account(EntityWrite write) {
        if (write.source() instanceof AccountCreated created) {
            return created.account();
        }
        if (write.source() instanceof AccountUpdated updated) {
            return updated.account();
        }
        throw new IllegalArgumentException("not an account state: " + write.source().metadata().type());
    }
}
