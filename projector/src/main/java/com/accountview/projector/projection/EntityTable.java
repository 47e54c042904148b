package com.accountview.projector.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.accountview.contract.EntityKind;
import com.accountview.projector.events.AccountSnapshot;
import com.accountview.projector.events.ContractSnapshot;
import com.accountview.projector.events.EntityEvent;

/**
 * One entity table of the read model, described once: its name, its id column and the columns of
 * an entity's state, each with its type and how its value is taken from the winning event. The
 * columns every entity table has (organization, version, deleted flag, winning event) are added
 * here, and {@link EntityRows} derives its statements from the description. Immutable.
 *
 * @param stateColumns the columns of the entity's state, which a deleted row leaves null
 * @param columns every column but the generation: the id, the organization, the state, the version,
 *                the deleted flag and the winning event
 */
record EntityTable(EntityKind kind, String name, String idColumn, List<Column> stateColumns, List<Column> columns) {

    static final EntityTable ACCOUNTS = describe(EntityKind.ACCOUNT, "account", "account_id", List.of(
            state("external_id", "text", EntityTable::account, AccountSnapshot::externalId),
            state("customer_id", "uuid", EntityTable::account, AccountSnapshot::customerId),
            state("status", "text", EntityTable::account, AccountSnapshot::status),
            state("created_at", "timestamptz", EntityTable::account, AccountSnapshot::createdAt),
            state("updated_at", "timestamptz", EntityTable::account, AccountSnapshot::updatedAt)));

    static final EntityTable CONTRACTS = describe(EntityKind.CONTRACT, "contract", "contract_id", List.of(
            state("account_id", "uuid", EntityTable::contract, ContractSnapshot::accountId),
            state("status", "text", EntityTable::contract, ContractSnapshot::status),
            state("product_id", "text", EntityTable::contract, ContractSnapshot::productId),
            state("product_name", "text", EntityTable::contract, ContractSnapshot::productName),
            state("start_date", "timestamptz", EntityTable::contract, ContractSnapshot::startDate),
            state("end_date", "timestamptz", EntityTable::contract, ContractSnapshot::endDate),
            state("created_at", "timestamptz", EntityTable::contract, ContractSnapshot::createdAt),
            state("updated_at", "timestamptz", EntityTable::contract, ContractSnapshot::updatedAt)));

    static final List<EntityTable> ALL = List.of(ACCOUNTS, CONTRACTS);

    EntityTable {
        stateColumns = List.copyOf(stateColumns);
        columns = List.copyOf(columns);
    }

    private static EntityTable describe(EntityKind kind, String name, String idColumn, List<Column> state) {
        List<Column> all = new ArrayList<>();
        all.add(new Column(idColumn, "uuid", EntityWrite::entityId));
        all.add(new Column("org_id", "text", write -> write.source().metadata().orgId()));
        all.addAll(state);
        all.add(new Column("version", "numeric", EntityWrite::version));
        all.add(new Column("deleted", "boolean", EntityWrite::deleted));
        all.add(new Column("event_id", "text", write -> write.source().metadata().id()));
        all.add(new Column("event_time", "timestamptz", write -> write.source().metadata().time()));
        return new EntityTable(kind, name, idColumn, state, all);
    }

    /** The column names, comma-separated, with a prefix for each (e.g. {@code EXCLUDED.}). */
    String columnList(String prefix) {
        return columns.stream().map(column -> prefix + column.name()).collect(Collectors.joining(", "));
    }

    /** A value of the entity's state; null when the entity ends up deleted or the value is unknown. */
    private static <S> Column state(String name, String sqlType, Function<EntityEvent.Versioned, S> snapshot,
                                    Function<S, Object> value) {
        return new Column(name, sqlType, write -> {
            S state = write.deleted() ? null : snapshot.apply(write.source());
            return state == null ? null : value.apply(state);
        });
    }

    private static AccountSnapshot account(EntityEvent.Versioned event) {
        if (event instanceof EntityEvent.AccountCreated created) {
            return created.account();
        }
        if (event instanceof EntityEvent.AccountUpdated updated) {
            return updated.account();
        }
        throw new IllegalArgumentException("not an account state: " + event.metadata().type());
    }

    private static ContractSnapshot contract(EntityEvent.Versioned event) {
        if (event instanceof EntityEvent.ContractCreated created) {
            return created.contract();
        }
        if (event instanceof EntityEvent.ContractUpdated updated) {
            return updated.contract();
        }
        throw new IllegalArgumentException("not a contract state: " + event.metadata().type());
    }
}
