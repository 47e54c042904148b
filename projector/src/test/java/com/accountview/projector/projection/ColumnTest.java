package com.accountview.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ColumnTest {

    private final Column timestamp = new Column("start_date", "timestamptz", write -> null);
    private final Column text = new Column("status", "text", write -> null);

    @Test
    void timestampsAreBoundAsMicrosecondsSinceTheEpochAndEverythingElseAsText() {
        assertThat(timestamp.arrayType()).isEqualTo("int8");
        assertThat(timestamp.newArray(2)).isInstanceOf(Long[].class).hasSize(2);
        assertThat(text.arrayType()).isEqualTo("text");
        assertThat(text.newArray(2)).isInstanceOf(String[].class);
        assertThat(text.fromElement("w.status")).isEqualTo("CAST(w.status AS text)");
    }

    @Test
    void microsecondsSinceTheEpochCountBackwardsBefore1970() {
        assertThat(Column.epochMicros(Instant.parse("1970-01-01T00:00:00Z"))).isZero();
        assertThat(Column.epochMicros(Instant.parse("1970-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002);
        assertThat(Column.epochMicros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
        assertThat(Column.epochMicros(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo(-62_135_596_800_000_000L);
    }
}
