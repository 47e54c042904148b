package com.accountview.projector.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.accountview.contract.AccountStatus;
import com.accountview.contract.ContractStatus;
import com.accountview.contract.Identifiers;

/** Reads the full state of an entity from {@code data} that its JSON Schema has accepted. Stateless. */
final class Snapshots {

    private Snapshots() {
    }

    static AccountSnapshot account(JsonNode data) {
        return new AccountSnapshot(uuid(data, "account_id"), nullableText(data, "external_id"),
                uuid(data, "customer_id"), AccountStatus.valueOf(data.get("status").asString()),
                instant(data, "created_at"), instant(data, "updated_at"));
    }

    static ContractSnapshot contract(JsonNode data) {
        JsonNode product = data.get("product");
        return new ContractSnapshot(uuid(data, "contract_id"), uuid(data, "account_id"),
                ContractStatus.valueOf(data.get("status").asString()), product.get("id").asString(),
                product.get("name").asString(), instant(data, "start_date"), instant(data, "end_date"),
                instant(data, "created_at"), instant(data, "updated_at"));
    }

    static UUID uuid(JsonNode data, String member) {
        String text = nullableText(data, member);
        return Identifiers.uuid(text)
                .orElseThrow(() -> Malformed.because("data member '" + member + "' is not a UUID: "
                        + Malformed.quote(text)));
    }

    private static String nullableText(JsonNode data, String member) {
        JsonNode node = data.get(member);
        return node == null || node.isNull() ? null : node.asString();
    }

    /** RFC 3339 with an offset, in range (see {@link Instants}); null stays null where the schema allows it. */
    private static Instant instant(JsonNode data, String member) {
        String text = nullableText(data, member);
        return text == null ? null : Malformed.instant("data member '" + member + "'", text);
    }
}
