package com.accountview.tools.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one service reads, taken from its sources at test time: the keys and values of its
 * {@code application.yml}, and the keys of its {@code @ConfigurationProperties} records (nested
 * records included); plus the properties that Spring Boot itself reads in every one of these
 * services, a web application with Actuator ({@code server.address}, {@code management.server.port},
 * ...), from the configuration metadata of the Spring Boot modules on the test class path.
 * Environment variables are matched to keys with Spring Boot's own relaxed binding for the system
 * environment.
 */
public final class ServiceConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SPRING_BOOT_METADATA = "META-INF/spring-configuration-metadata.json";
    private static final Pattern PROPERTIES_RECORD = Pattern.compile(
            "@ConfigurationProperties\\(\"([^\"]+)\"\\)\\s*(?:public\\s+)?record\\s+(\\w+)\\s*\\(");

    private final Map<String, Object> applicationYml;
    private final List<String> keys;

    private ServiceConfiguration(Map<String, Object> applicationYml, List<String> keys) {
        this.applicationYml = applicationYml;
        this.keys = keys;
    }

    public static ServiceConfiguration of(Path module) {
        Map<String, Object> yml = new LinkedHashMap<>();
        try {
            Map<String, Object> tree = new Yaml().load(Files.readString(module.resolve("src/main/resources/application.yml")));
            flatten("", tree, yml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> keys = new LinkedHashSet<>(yml.keySet());
        keys.addAll(configurationPropertiesKeys(module.resolve("src/main/java")));
        keys.addAll(springBootKeys());
        return new ServiceConfiguration(yml, List.copyOf(keys));
    }

    /** Every key the service is known to read. */
    List<String> keys() {
        return keys;
    }

    /** The property keys {@code environmentVariable} binds to, by Spring Boot's relaxed binding. */
    public List<String> keysBoundBy(String environmentVariable) {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(environmentVariable, "value"));
        ConfigurationPropertySource source = ConfigurationPropertySource.from(environment);
        return keys.stream().filter(key -> source.getConfigurationProperty(ConfigurationPropertyName.of(key)) != null)
                .toList();
    }

    /** The value {@code application.yml} gives {@code key}, if any. */
    Optional<String> applicationYmlValue(String key) {
        return Optional.ofNullable(applicationYml.get(key)).map(String::valueOf);
    }

    private static List<String> springBootKeys() {
        List<String> keys = new ArrayList<>();
        try {
            Enumeration<URL> metadata = ServiceConfiguration.class.getClassLoader().getResources(SPRING_BOOT_METADATA);
            while (metadata.hasMoreElements()) {
                try (InputStream in = metadata.nextElement().openStream()) {
                    JSON.readTree(in).path("properties").forEach(property -> keys.add(property.path("name").asString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!keys.containsAll(List.of("server.address", "management.server.address", "management.server.port"))) {
            throw new IllegalStateException("Spring Boot's web server and Actuator metadata is not on the test class path");
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> into) {
        tree.forEach((name, value) -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            if (value instanceof Map<?, ?> child) {
                flatten(key, (Map<String, Object>) child, into);
            } else {
                into.put(key, value);
            }
        });
    }

    private static List<String> configurationPropertiesKeys(Path sources) {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher matcher = PROPERTIES_RECORD.matcher(source);
                while (matcher.find()) {
                    collectComponents(source, matcher.group(2), matcher.group(1), keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Adds {@code prefix.component} per component of record {@code name}, recursing into records of the same file. */
    private static void collectComponents(String source, String name, String prefix, List<String> keys) {
        Matcher declaration = Pattern.compile("record\\s+" + name + "\\s*\\(").matcher(source);
        if (!declaration.find()) {
            throw new IllegalStateException("record " + name + " not found");
        }
        for (String component : components(source, declaration.end())) {
            String[] words = component.replaceAll("@\\w+(\\([^)]*\\))?", " ").trim().split("\\s+");
            String type = words[words.length - 2].replaceAll("<.*", "");
            String key = prefix + "." + kebab(words[words.length - 1]);
            if (Pattern.compile("record\\s+" + type + "\\s*\\(").matcher(source).find()) {
                collectComponents(source, type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** The top-level comma-separated components of the parameter list starting at {@code start}. */
    private static List<String> components(String source, int start) {
        List<String> components = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = start; ; i++) {
            char c = source.charAt(i);
            if (depth == 0 && (c == ',' || c == ')')) {
                if (!current.toString().isBlank()) {
                    components.add(current.toString());
                }
                current.setLength(0);
                if (c == ')') {
                    return components;
                }
                continue;
            }
            depth += (c == '(' || c == '<') ? 1 : (c == ')' || c == '>') ? -1 : 0;
            current.append(c);
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
