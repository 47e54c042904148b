package com.accountview.tools.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsFileTest {

    @TempDir
    Path directory;

    @Test
    void aLeadingUtf8ByteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
        assertThat(lines(bytes("\uFEFF{\"a\":1}\n{\"b\":2}\n"))).containsExactly("1:{\"a\":1}", "2:{\"b\":2}");
    }

    @Test
    void crlfAndLfEndLinesAndAreNotPartOfThem() throws IOException {
        assertThat(lines(bytes("{\"a\":1}\r\n\r\n{\"b\":2}\n{\"c\":3}\r"))).containsExactly("1:{\"a\":1}", "3:{\"b\":2}", "4:{\"c\":3}");
    }

    @Test
    void aLoneCarriageReturnEndsNoLine() throws IOException {
        assertThat(lines(bytes("{\"a\":\r1}\n"))).containsExactly("1:{\"a\":\r1}");
    }

    @Test
    void latin1BytesAreRefusedWithTheirLineNumber() {
        byte[] latin1 = "{\"name\":\"ok\"}\n{\"name\":\"Móvel\"}\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> lines(latin1)).isInstanceOf(PublishFailedException.class)
                .hasMessage("line 2: not UTF-8 text (events files are UTF-8; convert the file first, e.g. iconv -f LATIN1 -t UTF-8)");
    }

    @Test
    void utf16IsRefusedAtTheFirstLineWithAHintToConvertIt() {
        byte[] utf16 = "{\"name\":\"ok\"}\n".getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> lines(utf16)).isInstanceOf(PublishFailedException.class)
                .hasMessage("line 1: not UTF-8 text (events files are UTF-8; convert the file first, e.g. iconv -f UTF-16 -t UTF-8)");
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedForItsNulBytes() {
        byte[] utf16 = "{\"name\":\"ok\"}\n".getBytes(StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> lines(utf16)).hasMessageStartingWith("line 1: not UTF-8 text").hasMessageContaining("UTF-16");
    }

    @Test
    void aLineLongerThanTheReadBufferIsOneLine() throws IOException {
        String longLine = "{\"a\":\"" + "x".repeat(200_000) + "\"}";

        assertThat(lines(bytes(longLine + "\n" + longLine))).containsExactly("1:" + longLine, "2:" + longLine);
    }

    @Test
    void aCopyThatCannotBeWrittenIsNamedAndNotTheFileRead() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "a device that is always full (Linux)");
        Path events = directory.resolve("events.jsonl");
        // more than the copy's buffers hold, so that the copy is written while the file is read
        Files.writeString(events, ("{\"a\":\"" + "x".repeat(1_000) + "\"}\n").repeat(100));

        assertThatThrownBy(() -> new EventsFile(events).copyTo(full, (number, line) -> { }))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageStartingWith("could not write /dev/full (the copy of the events file): ")
                .hasMessageNotContaining(events.toString());
    }

    private List<String> lines(byte[] content) throws IOException {
        Path path = directory.resolve("events.jsonl");
        Files.write(path, content);
        List<String> lines = new ArrayList<>();
        new EventsFile(path).forEachLine((number, line) -> lines.add(number + ":" + line));
        return lines;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
