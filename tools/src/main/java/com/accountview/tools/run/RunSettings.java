package com.accountview.tools.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a local run needs to know.
 *
 * @param projectDir the repository root, where the service jars are built
 * @param dataDir where PostgreSQL, Kafka, logs and demo files live across restarts
 * @param reset whether to delete everything in the data directory first
 * @param ports the loopback ports of every server
 * @param partitions partitions of each topic created
 * @param demoAccounts generated accounts in the demo data set, besides the hand-written edge cases
 * @param loadDemo whether to publish the demo data set (once per data directory)
 * @param startupTimeout how long to wait for the services and the projection
 * @param serviceJvmOptions JVM options of the projector and query-api processes
 */
public record RunSettings(Path projectDir, Path dataDir, boolean reset, Ports ports, int partitions, int demoAccounts,
                          boolean loadDemo, Duration startupTimeout, List<String> serviceJvmOptions) {

    /** The loopback ports of the local system; the query-api serves Actuator on {@code queryApiManagement}. */
    public record Ports(int queryApi, int queryApiManagement, int projector, int kafka, int kafkaController, int postgres) {

        /** Each port by the option of {@code run} and {@code bench} that chooses it. */
        public Map<String, Integer> byOption() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("--http-port", queryApi);
            ports.put("--query-api-management-port", queryApiManagement);
            ports.put("--projector-port", projector);
            ports.put("--kafka-port", kafka);
            ports.put("--kafka-controller-port", kafkaController);
            ports.put("--postgres-port", postgres);
            return ports;
        }

        /** The first port that cannot be one (outside 1-65535), by its option. */
        public Optional<Map.Entry<String, Integer>> outOfRange() {
            return byOption().entrySet().stream().filter(port -> port.getValue() < 1 || port.getValue() > 65_535)
                    .findFirst();
        }
    }

    public RunSettings {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    Path logs() {
        return dataDir.resolve("logs");
    }
}
