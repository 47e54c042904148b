package com.accountview.tools.run;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The launcher's own messages to the user, timestamped, on stdout. Thread-safe. */
final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;

    Console(PrintWriter out) {
        this.out = out;
    }

    synchronized void say(String message) {
        out.println("[" + TIME.format(LocalTime.now()) + "] " + message);
        out.flush();
    }

    synchronized void print(String text) {
        out.println(text);
        out.flush();
    }
}
