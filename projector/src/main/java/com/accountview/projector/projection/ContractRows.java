package com.accountview.projector.projection;

import java.util.Map;
import java.util.function.Function;

import com.accountview.projector.events.ContractSnapshot;
import com.accountview.projector.events.EntityEvent.ContractCreated;
import com.accountview.projector.events.EntityEvent.ContractUpdated;

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
            -- the version guard: VersionKey's order (sequence, then a delete, then the event id)
            WHERE (stored.version, stored.deleted, stored.event_id COLLATE "C")
                < (EXCLUDED.version, EXCLUDED.deleted, EXCLUDED.event_id COLLATE "C")
            """;

    ContractRows() {
        super("contract", "contract_id", UPSERT, parameters());
    }

    private static Map<String, Function<EntityWrite, String>> parameters() {
        Map<String, Function<EntityWrite, String>> parameters = commonParameters("contract_ids");
        parameters.put("account_ids", stateValue(ContractRows::contract, ContractSnapshot::accountId));
        parameters.put("statuses", stateValue(ContractRows::contract, ContractSnapshot::status));
        parameters.put("product_ids", stateValue(ContractRows::contract, ContractSnapshot::productId));
        parameters.put("product_names", stateValue(ContractRows::contract, ContractSnapshot::productName));
        parameters.put("start_dates", stateValue(ContractRows::contract, ContractSnapshot::startDate));
        parameters.put("end_dates", stateValue(ContractRows::contract, ContractSnapshot::endDate));
        parameters.put("created_ats", stateValue(ContractRows::contract, ContractSnapshot::createdAt));
        parameters.put("updated_ats", stateValue(ContractRows::contract, ContractSnapshot::updatedAt));
        return parameters;
    }

    private static ContractSnapshot contract(EntityWrite write) {
        if (write.source() instanceof ContractCreated created) {
            return created.contract();
        }
        if (write.source() instanceof ContractUpdated updated) {
            return updated.contract();
        }
        throw new IllegalArgumentException("not a contract state: " + write.source().metadata().type());
    }
}
