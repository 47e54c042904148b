package com.accountview.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every verified read model must hold, from the generator's reference state ({@code generate
 * --reference}): each live account and contract as one canonical row, keyed by entity and id. The
 * columns are what the query side reads through AccountView's {@code live_*} views: accounts
 * {@code account_id, org_id, external_id, customer_id, status, created_at, updated_at, version};
 * contracts {@code contract_id, org_id, account_id, status, product_id, product_name, start_date,
 * end_date, created_at, updated_at, version}. Deleted entities must be absent. Immutable once loaded.
 */
final class ExpectedReadModel {

    static final String ACCOUNT = "account";
    static final String CONTRACT = "contract";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u2400";

    private final Map<String, String> rows;
    private final long accounts;
    private final long contracts;
    private final KeyRange keys;

    private ExpectedReadModel(Map<String, String> rows, long accounts, long contracts, KeyRange keys) {
        this.rows = Collections.unmodifiableMap(rows);
        this.accounts = accounts;
        this.contracts = contracts;
        this.keys = keys;
    }

    /** Reads the reference state; the key range covers the numeric external ids of {@code orgId}'s live accounts. */
    static ExpectedReadModel load(Path reference, String orgId) throws IOException {
        Map<String, String> rows = new HashMap<>();
        long accounts = 0;
        long contracts = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        try (BufferedReader reader = Files.newBufferedReader(reference, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode entity = JSON.readTree(line);
                if (entity.get("deleted").asBoolean()) {
                    continue;
                }
                String kind = entity.get("entity").asString();
                String id = entity.get("id").asString();
                JsonNode data = entity.get("data");
                List<String> values;
                if (kind.equals(ACCOUNT)) {
                    accounts++;
                    values = Arrays.asList(id, entity.get("orgid").asString(), text(data, "external_id"),
                            text(data, "customer_id"), text(data, "status"), instant(data, "created_at"),
                            instant(data, "updated_at"), version(entity));
                    String externalId = text(data, "external_id");
                    if (externalId != null && externalId.matches("[0-9]{1,18}") && entity.get("orgid").asString().equals(orgId)) {
                        first = Math.min(first, Long.parseLong(externalId));
                        last = Math.max(last, Long.parseLong(externalId));
                    }
                } else {
                    contracts++;
                    JsonNode product = data.get("product");
                    values = Arrays.asList(id, entity.get("orgid").asString(), text(data, "account_id"),
                            text(data, "status"), text(product, "id"), text(product, "name"), instant(data, "start_date"),
                            instant(data, "end_date"), instant(data, "created_at"), instant(data, "updated_at"),
                            version(entity));
                }
                rows.put(key(kind, id), canonical(values));
            }
        }
        if (first > last) {
            throw new IOException("no live account of organization " + orgId + " with a numeric external id in " + reference);
        }
        return new ExpectedReadModel(rows, accounts, contracts, new KeyRange(orgId, first, last));
    }

    static String key(String entity, String id) {
        return entity + ":" + id;
    }

    /** One row as text: the values in column order, nulls marked, separated by a control character. */
    static String canonical(List<String> values) {
        List<String> marked = new ArrayList<>(values.size());
        for (String value : values) {
            marked.add(value == null ? NULL : value);
        }
        return String.join(String.valueOf(SEPARATOR), marked);
    }

    /** An instant as {@link Instant#toString()} writes it, whatever offset the text had. */
    static String instant(String text) {
        return text == null ? null : Instant.parse(text).toString();
    }

    Map<String, String> rows() {
        return rows;
    }

    long accounts() {
        return accounts;
    }

    long contracts() {
        return contracts;
    }

    KeyRange keys() {
        return keys;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object == null || object.isNull() ? null : object.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String instant(JsonNode object, String field) {
        return instant(text(object, field));
    }

    private static String version(JsonNode entity) {
        return new BigInteger(entity.get("version").asString()).toString();
    }
}
