package com.accountview.tools.stack;

import java.io.IOException;
import java.io.InputStream;

/**
 * How a child JVM started by a launcher ({@link ServiceProcess}) notices that the launcher is gone:
 * its standard input is a pipe from the launcher that nobody writes to, and it ends when the
 * launcher exits, however it exits (even on SIGKILL).
 */
public final class LauncherExit {

    private LauncherExit() {
    }

    /** Blocks until this JVM's standard input ends. */
    public static void await() {
        await(System.in);
    }

    static void await(InputStream input) {
        try {
            while (input.read() != -1) {
                // nothing is ever sent: only the end of the stream matters
            }
        } catch (IOException e) {
            // a broken pipe ends the input as well
        }
    }
}
