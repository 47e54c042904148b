package com.accountview.tools.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The loopback ports of the local system; the query-api serves Actuator on {@code queryApiManagement}. */
public record StackPorts(int queryApi, int queryApiManagement, int projector, int kafka, int kafkaController, int postgres) {

    /** Each port by the option of {@code run} and {@code bench} that chooses it. */
    Map<String, Integer> byOption() {
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
