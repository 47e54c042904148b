package com.accountview.tools.stack;

import java.util.List;
import java.util.stream.Stream;

/** JVM options the launcher sets for the services: a default never overrides what the user's options give. */
final class JvmOptions {

    private JvmOptions() {
    }

    /** {@code jvmOptions}, with {@code option + value} after them unless one of them starts with {@code option}. */
    static List<String> withDefault(List<String> jvmOptions, String option, Object value) {
        if (jvmOptions.stream().anyMatch(given -> given.startsWith(option))) {
            return List.copyOf(jvmOptions);
        }
        return Stream.concat(jvmOptions.stream(), Stream.of(option + value)).toList();
    }
}
