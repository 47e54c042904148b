package com.accountview.tools.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.accountview.contract.EntityKind;
import com.accountview.tools.contract.OutgoingRecord;

class ReferenceFileTest {

    private static final String ID = "3f0c2a6e-8d1b-4c5e-9a7f-1b2c3d4e5f60";

    @TempDir
    Path directory;

    @Test
    void staleAndDuplicateEventsDoNotOverwriteTheNewerVersion() throws IOException {
        JsonNode entity = fold(account("updated", "5", "A"), account("updated", "3", "B"), account("updated", "5", "C"));

        assertThat(entity.get("version").stringValue()).isEqualTo("5");
        assertThat(entity.at("/data/external_id").stringValue()).isEqualTo("A");
    }

    @Test
    void versionsCompareAsNumbersNotText() throws IOException {
        JsonNode entity = fold(account("updated", "9", "A"), account("updated", "010", "B"));

        assertThat(entity.get("version").stringValue()).isEqualTo("10");
        assertThat(entity.at("/data/external_id").stringValue()).isEqualTo("B");
    }

    @Test
    void aDeleteKeepsItsVersionSoALateOlderEventCannotResurrect() throws IOException {
        JsonNode entity = fold(account("created", "1", "A"), account("deleted", "4", null), account("updated", "3", "B"));

        assertThat(entity.get("deleted").booleanValue()).isTrue();
        assertThat(entity.get("version").stringValue()).isEqualTo("4");
    }

    @Test
    void aKafkaTombstoneDeletesAndKeepsTheVersionSoOnlyANewerEventBringsItBack() throws IOException {
        OutgoingRecord tombstone = OutgoingRecord.tombstone(EntityKind.ACCOUNT, ID);

        assertThat(fold(account("created", "2", "A"), tombstone, account("updated", "2", "B")).get("deleted").booleanValue())
                .isTrue();
        JsonNode back = fold(account("created", "2", "A"), tombstone, account("updated", "3", "B"));
        assertThat(back.get("deleted").booleanValue()).isFalse();
        assertThat(back.at("/data/external_id").stringValue()).isEqualTo("B");
    }

    private JsonNode fold(OutgoingRecord... records) throws IOException {
        Path output = directory.resolve("reference.jsonl");
        try (ReferenceFile fold = new ReferenceFile(output)) {
            for (OutgoingRecord record : records) {
                fold.apply(record);
            }
        }
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(1);
        return JsonMapper.builder().build().readTree(lines.get(0));
    }

    private static OutgoingRecord account(String action, String sequence, String externalId) {
        String data = externalId == null ? "{\"account_id\":\"" + ID + "\"}"
                : "{\"account_id\":\"" + ID + "\",\"external_id\":\"" + externalId + "\"}";
        return OutgoingRecord.event(EntityKind.ACCOUNT, ID, "{\"type\":\"customers.account." + action
                + "\",\"orgid\":\"telco\",\"sequence\":\"" + sequence + "\",\"data\":" + data + "}");
    }
}
