package com.accountview.tools.run;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** The launcher's own messages to the user, timestamped, on stdout. Thread-safe. */
final class Console {

    private final PrintWriter out;

    Console(PrintWriter out) {
        this.out = out;
    }

    synchronized void say(String message) {
        out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
        out.flush();
    }

    synchronized void print(String text) {
        out.println(text);
        out.flush();
    }
}
