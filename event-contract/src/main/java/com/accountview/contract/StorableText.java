package com.accountview.contract;

/**
 * Text that PostgreSQL stores exactly as it was sent. Two things a JSON string can hold are not:
 * U+0000, which a text column cannot hold at all, and an unpaired UTF-16 surrogate (an escape such
 * as {@code \ud800} without its pair), which UTF-8 cannot encode, so that the driver would store
 * {@code ?} in its place and two different events could become one. Stateless.
 */
public final class StorableText {

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        return firstUnstorable(text, true) < 0;
    }

    /** Whether a surrogate stands without its pair: the text is no sequence of Unicode characters. */
    public static boolean hasUnpairedSurrogate(CharSequence text) {
        return firstUnstorable(text, false) >= 0;
    }

    /** The index of the first unpaired surrogate (or, if asked, U+0000), one pass; -1 if none. */
    private static int firstUnstorable(CharSequence text, boolean nul) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (nul && c == '\0') {
                return i;
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }
}
