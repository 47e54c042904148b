package com.accountview.projector.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.accountview.contract.AccountStatus;
import com.accountview.contract.ContractStatus;
import com.accountview.contract.Identifiers;
import com.accountview.contract.StorableText;

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
                ContractStatus.valueOf(data.get("status").asString()), productText(product, "id"),
                productText(product, "name"), instant(data, "start_date"), instant(data, "end_date"),
                instant(data, "created_at"), instant(data, "updated_at"));
    }

    /**
     * Text the schema accepted that must also be {@linkplain StorableText storable}: the schema's
     * pattern refuses U+0000, but an unpaired surrogate is beyond what a JSON Schema pattern says
     * alike in every engine (some match UTF-16 units, others code points).
     */
    private static String productText(JsonNode product, String member) {
        String text = product.get(member).asString();
        if (StorableText.hasUnpairedSurrogate(text)) {
            throw Malformed.because("data member 'product." + member + "' contains an unpaired surrogate, which PostgreSQL"
                    + " cannot store: " + Malformed.quote(text));
        }
        return text;
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
