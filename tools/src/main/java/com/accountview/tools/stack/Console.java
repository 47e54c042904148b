package com.accountview.tools.stack;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The launcher's own messages to the user, timestamped, on stdout. Thread-safe. */
public final class Console {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;

    public Console(PrintWriter out) {
        this.out = out;
    }

    public synchronized void say(String message) {
        out.println("[" + TIME.format(LocalTime.now()) + "] " + message);
        out.flush();
    }

    public synchronized void print(String text) {
        out.println(text);
        out.flush();
    }
}
