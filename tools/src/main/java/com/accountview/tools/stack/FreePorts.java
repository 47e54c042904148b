package com.accountview.tools.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Checks up front that a command's ports are free, naming the option that moves each one. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Refuses to go on unless every port is free; the options named are those of {@code run} and {@code bench}. */
    public static void require(StackPorts ports) {
        require(ports.byOption());
    }

    /**
     * Refuses to go on unless every port is free on the loopback address and all differ.
     *
     * @param wanted each port by the option that chooses it
     */
    static void require(Map<String, Integer> wanted) {
        StringBuilder busy = new StringBuilder();
        wanted.forEach((option, port) -> {
            if (!free(port)) {
                busy.append(String.format("%n  port %d is in use: choose another with %s", port, option));
            }
        });
        if (wanted.values().stream().distinct().count() < wanted.size()) {
            busy.append(String.format("%n  every port must differ: %s", wanted));
        }
        if (!busy.isEmpty()) {
            throw new LocalStackException("cannot start:" + busy);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers do: connections of an earlier run in TIME_WAIT must not count as "in use"
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
