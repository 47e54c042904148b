package com.accountview.tools.stack;

import java.nio.file.Path;

/** A Java installation: its home and its feature release (17, 25). Immutable. */
public record JavaRuntime(Path home, int feature) {

    /** This JVM's, which also runs the services ({@link ServiceProcess}). */
    public static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    String executable() {
        return home.resolve("bin").resolve("java").toString();
    }
}
