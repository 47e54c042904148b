package com.accountview.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorableTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Fibra 1 Gb", "caf\u00e9", "evt-\ud83d\ude00", "\ud83d\ude00\ud83d\ude00"})
    void unicodeTextIsStorable(String text) {
        assertThat(StorableText.isStorable(text)).isTrue();
        assertThat(StorableText.hasUnpairedSurrogate(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x\ud800", "\ud800x", "x\udc00", "\ude00\ud83d", "\ud83d\ud83d\ude00\ude00x"})
    void anUnpairedSurrogateIsNotStorable(String text) {
        assertThat(StorableText.hasUnpairedSurrogate(text)).isTrue();
        assertThat(StorableText.isStorable(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "Tele\u0000", "\u0000\ud83d\ude00"})
    void nulIsNotStorable(String text) {
        assertThat(StorableText.isStorable(text)).isFalse();
        assertThat(StorableText.hasUnpairedSurrogate(text)).isFalse();
    }
}
