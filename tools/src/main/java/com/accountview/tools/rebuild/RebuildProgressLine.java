package com.accountview.tools.rebuild;

import java.util.Iterator;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One line about a running rebuild, from the projector's status: generation, events applied,
 * remaining lag per topic, rate, estimated time left, and a bar of records consumed against
 * records consumed plus lag; or, before the projector has measured it (right after the rebuild
 * started, or after a restart), only that. Stateless.
 */
public final class RebuildProgressLine {

    private static final int WIDTH = 30;

    private RebuildProgressLine() {
    }

    public static String of(JsonNode rebuild) {
        String generation = String.format("generation %d %s", rebuild.path("generation").asInt(),
                rebuild.path("phase").asString("BUILDING").toLowerCase());
        if (rebuild.path("measuredAt").isMissingNode() || rebuild.path("measuredAt").isNull()) {
            // no figures rather than zeros: a restarted projector has not measured what it resumed
            return generation + ", progress not measured yet";
        }
        long consumed = rebuild.path("recordsConsumed").asLong(0);
        long lag = rebuild.path("totalLag").asLong(0);
        double rate = rebuild.path("recordsPerSecond").asDouble(0);
        long eta = rebuild.path("etaSeconds").asLong(-1);
        long total = consumed + lag;
        int filled = total == 0 ? 0 : (int) (WIDTH * consumed / total);
        StringBuilder topics = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = rebuild.path("lag").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> topic = it.next();
            topics.append(topics.isEmpty() ? "" : ", ").append(topic.getKey()).append(' ')
                    .append(String.format("%,d", topic.getValue().asLong()));
        }
        return String.format("%s [%s%s] %,d events applied, lag %,d (%s), %,.0f records/s, %s", generation,
                "#".repeat(filled), "-".repeat(WIDTH - filled), rebuild.path("eventsApplied").asLong(0), lag,
                topics.isEmpty() ? "not measured yet" : topics, rate,
                eta < 0 ? "time left unknown" : "about " + eta + " s left");
    }
}
