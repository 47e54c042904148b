package com.accountview.projector.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import com.accountview.contract.AccountStatus;
import com.accountview.contract.ContractStatus;
import com.accountview.contract.EventType;
import com.accountview.contract.Identifiers;
import com.accountview.contract.Instants;
import com.accountview.contract.StorableText;

/**
 * The {@code data} of an event as the {@link StreamingDecoder} reads it: the JSON Schema of its
 * type compiled into checks by hand (required members, types, UUIDs, the external id's alphabet,
 * the status enumerations, the product, RFC 3339 timestamps), unknown members skipped. The readers
 * return null for anything the schema might refuse; they throw {@link IllegalArgumentException}
 * for a timestamp that is not one of the contract.
 *
 * @param id the entity id the data names
 * @param account the account's full state, for account created and updated events
 * @param contract the contract's full state, for contract created and updated events
 */
record StreamedData(UUID id, AccountSnapshot account, ContractSnapshot contract) {

    private static final AccountStatus[] ACCOUNT_STATUSES = AccountStatus.values();
    private static final ContractStatus[] CONTRACT_STATUSES = ContractStatus.values();

    /** Reads the data object the parser is at the start of, or returns null. */
    static StreamedData read(JsonParser parser, EventType type) {
        if (type.isDelete()) {
            return deleted(parser, type.idMember());
        }
        return switch (type.kind()) {
            case ACCOUNT -> account(parser);
            case CONTRACT -> contract(parser);
        };
    }

    private static StreamedData deleted(JsonParser parser, String idMember) {
        UUID id = null;
        ObjectMembers members = new ObjectMembers();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (name.equals(idMember)) {
                id = uuid(parser, members.once(0, token));
            } else if (!members.onceOther(name) || !skip(parser, token)) {
                return null;
            }
        }
        return id == null || members.anyRepeated() ? null : new StreamedData(id, null, null);
    }

    private static StreamedData account(JsonParser parser) {
        UUID accountId = null;
        UUID customerId = null;
        String externalId = null;
        boolean externalIdGiven = false;
        AccountStatus status = null;
        Instant createdAt = null;
        Instant updatedAt = null;
        ObjectMembers members = new ObjectMembers();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "account_id" -> accountId = uuid(parser, members.once(0, token));
                case "customer_id" -> customerId = uuid(parser, members.once(1, token));
                case "status" -> status = named(ACCOUNT_STATUSES, chars(parser, members.once(2, token)));
                case "created_at" -> createdAt = instant(parser, members.once(3, token));
                case "updated_at" -> updatedAt = instant(parser, members.once(4, token));
                case "external_id" -> {
                    externalId = text(parser, members.once(5, token));
                    externalIdGiven = token == JsonToken.VALUE_NULL || Identifiers.isExternalId(externalId);
                }
                default -> {
                    if (!members.onceOther(name) || !skip(parser, token)) {
                        return null;
                    }
                }
            }
        }
        if (accountId == null || customerId == null || !externalIdGiven || status == null || createdAt == null
                || updatedAt == null || members.anyRepeated()) {
            return null;
        }
        return new StreamedData(accountId,
                new AccountSnapshot(accountId, externalId, customerId, status, createdAt, updatedAt), null);
    }

    private static StreamedData contract(JsonParser parser) {
        UUID contractId = null;
        UUID accountId = null;
        ContractStatus status = null;
        String[] product = null;
        Instant startDate = null;
        Instant endDate = null;
        boolean endDateGiven = false;
        Instant createdAt = null;
        Instant updatedAt = null;
        ObjectMembers members = new ObjectMembers();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "contract_id" -> contractId = uuid(parser, members.once(0, token));
                case "account_id" -> accountId = uuid(parser, members.once(1, token));
                case "status" -> status = named(CONTRACT_STATUSES, chars(parser, members.once(2, token)));
                case "product" -> product = members.once(3, token) == JsonToken.START_OBJECT ? product(parser) : null;
                case "start_date" -> startDate = instant(parser, members.once(4, token));
                case "created_at" -> createdAt = instant(parser, members.once(5, token));
                case "updated_at" -> updatedAt = instant(parser, members.once(6, token));
                case "end_date" -> {
                    endDate = members.once(7, token) == JsonToken.VALUE_NULL ? null : instant(parser, token);
                    endDateGiven = token == JsonToken.VALUE_NULL || endDate != null;
                }
                default -> {
                    if (!members.onceOther(name) || !skip(parser, token)) {
                        return null;
                    }
                }
            }
        }
        if (contractId == null || accountId == null || status == null || product == null || startDate == null
                || !endDateGiven || createdAt == null || updatedAt == null || members.anyRepeated()) {
            return null;
        }
        return new StreamedData(contractId, null, new ContractSnapshot(contractId, accountId, status, product[0],
                product[1], startDate, endDate, createdAt, updatedAt));
    }

    /** The product's id (not empty) and name, both {@linkplain StorableText storable}, or null. */
    private static String[] product(JsonParser parser) {
        String id = null;
        String name = null;
        ObjectMembers members = new ObjectMembers();
        for (String member = parser.nextName(); member != null; member = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (member) {
                case "id" -> id = text(parser, members.once(0, token));
                case "name" -> name = text(parser, members.once(1, token));
                default -> {
                    if (!members.onceOther(member) || !skip(parser, token)) {
                        return null;
                    }
                }
            }
        }
        if (id == null || id.isEmpty() || !StorableText.isStorable(id) || name == null || !StorableText.isStorable(name)
                || members.anyRepeated()) {
            return null;
        }
        return new String[] {id, name};
    }

    /** The string value the parser is at, or null for any other token. */
    static String text(JsonParser parser, JsonToken token) {
        return token == JsonToken.VALUE_STRING ? parser.getString() : null;
    }

    /** The string value the parser is at, valid until its next token, or null for any other token. */
    static ParsedChars chars(JsonParser parser, JsonToken token) {
        return token == JsonToken.VALUE_STRING
                ? new ParsedChars(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength())
                : null;
    }

    /** The constant of that exact name, or null: a few comparisons, where a map lookup hashed a new string. */
    private static <E extends Enum<E>> E named(E[] constants, ParsedChars name) {
        if (name != null) {
            for (E constant : constants) {
                if (constant.name().contentEquals(name)) {
                    return constant;
                }
            }
        }
        return null;
    }

    /** A UUID in canonical form, null for anything else. */
    static UUID uuid(JsonParser parser, JsonToken token) {
        return Identifiers.uuidOrNull(chars(parser, token));
    }

    /** A timestamp of the contract, null for a value that is not a string. */
    static Instant instant(JsonParser parser, JsonToken token) {
        CharSequence text = chars(parser, token);
        return text == null ? null : Instants.parse(text);
    }

    /**
     * Skips the value the parser is at; false if it is or contains a number, which this reader
     * leaves to the schema decoder rather than decide how it would be read, or an object that
     * names a member twice.
     */
    static boolean skip(JsonParser parser, JsonToken token) {
        if (token == null) {
            return false;
        }
        return switch (token) {
            case START_OBJECT -> skipObject(parser);
            case START_ARRAY -> skipArray(parser);
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> true;
            default -> false;
        };
    }

    private static boolean skipObject(JsonParser parser) {
        ObjectMembers members = new ObjectMembers();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            if (!members.onceOther(name) || !skip(parser, parser.nextToken())) {
                return false;
            }
        }
        return true;
    }

    private static boolean skipArray(JsonParser parser) {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (!skip(parser, token)) {
                return false;
            }
        }
        return true;
    }
}
