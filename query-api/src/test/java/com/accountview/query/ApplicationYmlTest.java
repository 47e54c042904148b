package com.accountview.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code application.yml} writes only what differs from a default, so that every default is
 * written once: the service's own in its {@code @ConfigurationProperties} records, Spring Boot's
 * in Spring Boot (as its configuration metadata states them).
 */
class ApplicationYmlTest {

    private static final Map<String, Object> SETTINGS = settings();

    @Test
    void writesNoSettingOfTheServiceItself() {
        assertThat(SETTINGS.keySet()).noneMatch(key -> key.startsWith("accountview."));
    }

    @Test
    void restatesNoSpringBootDefault() throws IOException {
        Map<String, String> defaults = springBootDefaults();

        assertThat(defaults).containsKeys("server.port", "server.shutdown");
        SETTINGS.forEach((key, value) -> assertThat(String.valueOf(value))
                .as("%s is Spring Boot's default", key).isNotEqualToIgnoringCase(defaults.get(key)));
    }

    private static Map<String, Object> settings() {
        try (InputStream yml = new ClassPathResource("application.yml").getInputStream()) {
            Map<String, Object> settings = new LinkedHashMap<>();
            flatten("", new Yaml().load(yml), settings);
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> into) {
        tree.forEach((name, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + name + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(prefix + name, value);
            }
        });
    }

    /** The scalar defaults of every Spring Boot property on the class path, as text. */
    private static Map<String, String> springBootDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL metadata : Collections.list(ApplicationYmlTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    JsonNode value = property.path("defaultValue");
                    if (value.isValueNode() && !value.isNull()) {
                        defaults.put(property.path("name").asString(), value.asString());
                    }
                }
            }
        }
        return defaults;
    }
}
