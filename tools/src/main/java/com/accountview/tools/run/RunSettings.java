package com.accountview.tools.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.accountview.tools.stack.StackPorts;

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
record RunSettings(Path projectDir, Path dataDir, boolean reset, StackPorts ports, int partitions, int demoAccounts,
                   boolean loadDemo, Duration startupTimeout, List<String> serviceJvmOptions) {

    RunSettings {
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
    }

    Path logs() {
        return dataDir.resolve("logs");
    }
}
