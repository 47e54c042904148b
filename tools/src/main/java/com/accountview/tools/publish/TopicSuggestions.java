package com.accountview.tools.publish;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Existing topics whose names look like a mistyped one: at most two edits away. Stateless. */
final class TopicSuggestions {

    private static final int MAX_EDITS = 2;

    private TopicSuggestions() {
    }

    static List<String> alike(String name, Collection<String> existing) {
        return existing.stream()
                .filter(topic -> distance(name, topic) <= MAX_EDITS)
                .sorted(Comparator.comparingInt((String topic) -> distance(name, topic)).thenComparing(topic -> topic))
                .limit(3)
                .toList();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
