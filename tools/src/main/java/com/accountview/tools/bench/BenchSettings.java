package com.accountview.tools.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.accountview.tools.stack.CollectorGoal;
import com.accountview.tools.stack.StackPorts;

/**
 * Everything one benchmark needs to know. Immutable.
 *
 * @param projectDir the repository root, where the jars are built
 * @param dataDir the benchmark's own data directory, emptied at every start
 * @param ports the loopback ports of every server
 * @param runs how many runs, each with every measurement; the table shows medians
 * @param accounts accounts of the generated history (their contracts and every event of both come with them)
 * @param contractsPerAccount mean contracts per account
 * @param seed the generator's seed
 * @param partitions partitions of each topic
 * @param connections the HTTP connections (and baseline clients) of the query measurements
 * @param openLoopRates requests per second of the optional open-loop query measurements, each at the
 *                      highest of {@code connections}; empty for none
 * @param rebuildConnections the HTTP connections querying throughout the rebuild; 0 for none
 * @param queryWindow the length of each measured query window
 * @param startupWindow the window measured right after the query-api answers for the first time
 * @param warmup load after that window before the measured ones
 * @param freshnessWindow how long events are published at {@code freshnessRate} while probes are timed
 * @param freshnessRate events per second during the freshness measurement
 * @param soak an optional memory soak after the runs
 * @param baseline which baseline client runs the lookup SQL
 * @param wireLatency whether tcpdump times each query window's exchanges on the wire at the query-api's port
 * @param serviceJvmOptions JVM options of the projector, the query-api and the ceiling program
 * @param timeout how long any single wait (a start-up, a projection) may take
 */
record BenchSettings(Path projectDir, Path dataDir, StackPorts ports, int runs, int accounts,
                     int contractsPerAccount, long seed, int partitions, List<Integer> connections,
                     List<Integer> openLoopRates, int rebuildConnections, Duration queryWindow, Duration startupWindow, Duration warmup, Duration freshnessWindow,
                     int freshnessRate, Optional<Duration> soak, Baseline baseline, boolean wireLatency, List<String> serviceJvmOptions,
                     Duration timeout) {

    /** The organization every generated account belongs to. */
    static final String ORG = "telco";

    /** The client that runs the query-api's SQL directly against PostgreSQL. */
    enum Baseline {
        /** pgbench when it is on the PATH, else the JDBC loop. */
        AUTO,
        PGBENCH,
        JDBC
    }

    BenchSettings {
        connections = List.copyOf(connections);
        openLoopRates = List.copyOf(openLoopRates);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        if (runs < 1 || accounts < 1 || partitions < 1 || freshnessRate < 1 || connections.isEmpty()
                || rebuildConnections < 0 || openLoopRates.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("runs, accounts, partitions, freshness rate, connections and open-loop rates"
                    + " must be positive");
        }
    }

    /**
     * The projector's JVM options, and the plain loop's, which is compared with it: {@link #serviceJvmOptions()}
     * with the projector's collector goal ({@link CollectorGoal}).
     */
    List<String> projectorJvmOptions() {
        return CollectorGoal.forProjector(serviceJvmOptions);
    }

    /** The highest of {@link #connections()}: the first window's and the open loops'. */
    int highestConnections() {
        return connections.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** Every query measurement's load, in order: a closed loop at each concurrency, then each open-loop rate. */
    List<Arrivals> queryLoads() {
        List<Arrivals> loads = new ArrayList<>();
        connections.forEach(clients -> loads.add(Arrivals.closedLoop(clients)));
        openLoopRates.forEach(rate -> loads.add(new Arrivals(rate, highestConnections())));
        return List.copyOf(loads);
    }

    /** The lowest of {@link #connections()}: the load of the soak. */
    int lowestConnections() {
        return connections.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    Path logs() {
        return dataDir.resolve("logs");
    }
}
