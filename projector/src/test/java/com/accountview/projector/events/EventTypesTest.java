package com.accountview.projector.events;

import static com.accountview.projector.events.Decoding.ACCOUNTS;
import static com.accountview.projector.events.Decoding.CONTRACTS;
import static com.accountview.projector.events.Decoding.assertMalformed;
import static com.accountview.projector.events.Decoding.decode;
import static com.accountview.projector.events.Decoding.decodeAccount;
import static com.accountview.projector.events.Decoding.decodeContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.accountview.contract.AccountStatus;
import com.accountview.contract.ContractStatus;
import com.accountview.contract.EntityKind;
import com.accountview.projector.events.EntityEvent.AccountCreated;
import com.accountview.projector.events.EntityEvent.AccountDeleted;
import com.accountview.projector.events.EntityEvent.AccountUpdated;
import com.accountview.projector.events.EntityEvent.ContractCreated;
import com.accountview.projector.events.EntityEvent.ContractDeleted;
import com.accountview.projector.events.EntityEvent.ContractUpdated;
import com.accountview.projector.events.EntityEvent.UnknownTypeReceived;
import com.accountview.testinfra.events.TestEvents;

/** docs/events.md, types: each type of each topic, deletes, unknown types and misrouted types. */
class EventTypesTest {

    private static final UUID ACCOUNT = UUID.fromString("3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60");
    private static final UUID CUSTOMER = UUID.fromString("0a9e8f7d-6c5b-4a39-8271-605f4e3d2c1b");
    private static final UUID CONTRACT = UUID.fromString("9b2f6c1d-4e3a-4f5b-8c7d-2e1f0a9b8c7d");

    @Test
    void accountCreatedCarriesTheFullState() {
        AccountCreated created = (AccountCreated) decodeAccount(TestEvents.account(ACCOUNT).externalId("214748364")
                .customer(CUSTOMER).status("SUSPENDED").createdAt(Instant.parse("2024-03-01T09:00:00Z"))
                .updatedAt(Instant.parse("2026-11-27T10:15:00Z")).created());

        assertThat(created.account()).isEqualTo(new AccountSnapshot(ACCOUNT, "214748364", CUSTOMER,
                AccountStatus.SUSPENDED, Instant.parse("2024-03-01T09:00:00Z"), Instant.parse("2026-11-27T10:15:00Z")));
        assertThat(created.kind()).isEqualTo(EntityKind.ACCOUNT);
        assertThat(created.entityId()).isEqualTo(ACCOUNT);
    }

    @Test
    void accountUpdatedCarriesTheFullState() {
        AccountUpdated updated = (AccountUpdated) decodeAccount(TestEvents.account(ACCOUNT).status("CLOSED").updated());

        assertThat(updated.account().status()).isEqualTo(AccountStatus.CLOSED);
    }

    @Test
    void externalIdMayBeNull() {
        AccountUpdated updated = (AccountUpdated) decodeAccount(TestEvents.account(ACCOUNT).externalId(null).updated());

        assertThat(updated.account().externalId()).isNull();
    }

    @Test
    void contractCreatedCarriesTheFullState() {
        ContractCreated created = (ContractCreated) decodeContract(TestEvents.contract(CONTRACT).account(ACCOUNT)
                .status("PENDING").product("FIBER_1GB", "Fibra 1 Gb").startDate(Instant.parse("2024-01-01T00:00:00Z"))
                .endDate(Instant.parse("2025-01-01T00:00:00Z")).createdAt(Instant.parse("2023-12-01T00:00:00Z"))
                .updatedAt(Instant.parse("2023-12-02T00:00:00Z")).created());

        assertThat(created.contract()).isEqualTo(new ContractSnapshot(CONTRACT, ACCOUNT, ContractStatus.PENDING,
                "FIBER_1GB", "Fibra 1 Gb", Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2023-12-01T00:00:00Z"), Instant.parse("2023-12-02T00:00:00Z")));
        assertThat(created.kind()).isEqualTo(EntityKind.CONTRACT);
    }

    @Test
    void openEndedContractHasNoEndDate() {
        ContractUpdated updated = (ContractUpdated) decodeContract(TestEvents.contract(CONTRACT).endDate(null).updated());

        assertThat(updated.contract().endDate()).isNull();
    }

    @Test
    void deletedEventNeedsOnlyTheId() {
        AccountDeleted account = (AccountDeleted) decodeAccount(TestEvents.account(ACCOUNT).sequence(9).deleted());
        ContractDeleted contract = (ContractDeleted) decodeContract(TestEvents.contract(CONTRACT).deleted());

        assertThat(account.entityId()).isEqualTo(ACCOUNT);
        assertThat(account.metadata().sequence()).isEqualTo(BigInteger.valueOf(9));
        assertThat(contract.entityId()).isEqualTo(CONTRACT);
    }

    @Test
    void deletedEventWithFullStateIsAccepted() {
        var withState = TestEvents.account(ACCOUNT).externalId("x").updated().structuredJson()
                .replace("customers.account.updated", "customers.account.deleted");

        assertThat(decode(TestEvents.raw(ACCOUNT.toString(), withState).plain(ACCOUNTS)))
                .isInstanceOf(AccountDeleted.class);
    }

    @Test
    void deletedEventWithoutTheIdIsMalformed() {
        assertMalformed(TestEvents.account(ACCOUNT).withoutDataField("account_id").deleted().structured(ACCOUNTS))
                .hasMessage("data does not match the JSON Schema of customers.account.deleted:"
                        + " data: required property 'account_id' not found");
    }

    @Test
    void unknownTypeIsRecognisedNotRejected() {
        EntityEvent event = decodeAccount(TestEvents.account(ACCOUNT).sequence(5).ofType("customers.account.merged"));

        assertThat(event).isInstanceOfSatisfying(UnknownTypeReceived.class, unknown -> {
            assertThat(unknown.kind()).isEqualTo(EntityKind.ACCOUNT);
            assertThat(unknown.metadata().type()).isEqualTo("customers.account.merged");
            assertThat(unknown.metadata().sequence()).isEqualTo(BigInteger.valueOf(5));
        });
    }

    @Test
    void unknownTypeOfAnotherNamespaceIsRecognisedNotRejected() {
        assertThat(decodeContract(TestEvents.contract(CONTRACT).ofType("com.example.audit.logged")))
                .isInstanceOf(UnknownTypeReceived.class);
    }

    @Test
    void unknownTypeDataIsNotValidated() {
        EntityEvent event = decodeAccount(TestEvents.account(ACCOUNT).dataField("status", 42)
                .withoutDataField("account_id").ofType("customers.account.merged"));

        assertThat(event).isInstanceOf(UnknownTypeReceived.class);
    }

    @Test
    void unknownTypeEnvelopeIsValidated() {
        assertMalformed(TestEvents.account(ACCOUNT).sequence("x").ofType("customers.account.merged")
                .structured(ACCOUNTS)).hasMessageContaining("'sequence'");
        assertMalformed(TestEvents.account(ACCOUNT).key(CONTRACT.toString()).ofType("customers.account.merged")
                .structured(ACCOUNTS)).hasMessageContaining("disagrees with attribute 'subject'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers.account.created", "customers.account.deleted", "customers.account.merged"})
    void accountTypeOnTheContractTopicIsMalformed(String type) {
        assertMalformed(TestEvents.account(ACCOUNT).ofType(type).structured(CONTRACTS))
                .hasMessage("attribute 'type' does not belong on the contract topic: \"" + type + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers.contract.updated", "customers.contract.renewed"})
    void contractTypeOnTheAccountTopicIsMalformed(String type) {
        assertMalformed(TestEvents.contract(CONTRACT).ofType(type).structured(ACCOUNTS))
                .hasMessage("attribute 'type' does not belong on the account topic: \"" + type + "\"");
    }

    @Test
    void typesAreCaseSensitive() {
        assertThat(decodeAccount(TestEvents.account(ACCOUNT).ofType("Customers.Account.Updated")))
                .isInstanceOf(UnknownTypeReceived.class);
    }
}
