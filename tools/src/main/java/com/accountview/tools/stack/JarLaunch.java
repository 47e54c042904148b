package com.accountview.tools.stack;

import java.nio.file.Path;
import java.util.List;

/** What to start for a service: an executable jar and the JVM options to start it with. Immutable. */
public record JarLaunch(Path jar, List<String> jvmOptions) {

    public JarLaunch {
        jvmOptions = List.copyOf(jvmOptions);
    }
}
