package com.accountview.tools.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as Compose would run it with no variables set: {@code ${VAR:-default}} becomes
 * its default, {@code $$} a literal {@code $}.
 */
final class ComposeFile {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?-([^}]*))?}");

    private final Map<String, Object> services;

    private ComposeFile(Map<String, Object> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file) {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(file));
            return new ComposeFile((Map<String, Object>) compose.get("services"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean hasService(String name) {
        return services.containsKey(name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Object service = services.get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return (Map<String, Object>) service;
    }

    /** The service's environment, interpolated. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String name) {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) service(name).getOrDefault("environment", Map.of()))
                .forEach((variable, value) -> environment.put(variable, interpolate(String.valueOf(value))));
        return environment;
    }

    /** The container side of each published port, e.g. 8080 for {@code "${QUERY_API_PORT:-8080}:8080"}. */
    @SuppressWarnings("unchecked")
    List<Integer> containerPorts(String name) {
        return ((List<Object>) service(name).getOrDefault("ports", List.of())).stream()
                .map(mapping -> interpolate(String.valueOf(mapping)))
                .map(mapping -> Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1)))
                .toList();
    }

    /** The health check command, interpolated, as one string. */
    @SuppressWarnings("unchecked")
    String healthcheck(String name) {
        Map<String, Object> healthcheck = (Map<String, Object>) service(name).get("healthcheck");
        if (healthcheck == null) {
            throw new AssertionError("service " + name + " has no health check");
        }
        return interpolate(String.join(" ", ((List<Object>) healthcheck.get("test")).stream().map(String::valueOf).toList()));
    }

    /** The service's command, interpolated, as one string. */
    @SuppressWarnings("unchecked")
    String command(String name) {
        Object command = service(name).get("command");
        String text = command instanceof List<?> parts
                ? String.join(" ", parts.stream().map(String::valueOf).toList()) : String.valueOf(command);
        return interpolate(text);
    }

    static String interpolate(String text) {
        Matcher matcher = VARIABLE.matcher(text.replace("$$", "\u0000"));
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String fallback = matcher.group(2) == null ? "" : matcher.group(2);
            matcher.appendReplacement(result, Matcher.quoteReplacement(fallback));
        }
        matcher.appendTail(result);
        return result.toString().replace('\u0000', '$');
    }
}
