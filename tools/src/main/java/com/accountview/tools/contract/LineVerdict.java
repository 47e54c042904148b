package com.accountview.tools.contract;

import java.util.List;
import java.util.Optional;

/**
 * What the contract says about one line of an events file: the record it stands for, if its topic
 * and key can be told at all, and everything wrong with it (empty when the line is valid).
 */
public record LineVerdict(Optional<OutgoingRecord> record, List<String> problems) {

    public LineVerdict {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
