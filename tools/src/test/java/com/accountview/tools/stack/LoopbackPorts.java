package com.accountview.tools.stack;

import java.io.IOException;
import java.net.Socket;
import java.util.LinkedHashSet;
import java.util.Set;

import com.accountview.testinfra.ServiceJar;

/** Ports for the launcher tests: free ones to start on, and whether one still accepts connections. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * {@code count} different ports that were free a moment ago, drawn as {@link ServiceJar#freePort()}
     * draws them: below the kernel's range for outgoing connections, which could take a port drawn
     * from that range before the service under test binds it.
     */
    public static int[] free(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(ServiceJar.freePort());
        }
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether something accepts connections on 127.0.0.1:{@code port}. */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
