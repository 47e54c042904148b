package com.accountview.query.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks real responses against the OpenAPI document the service serves and the repository keeps
 * ({@code src/main/resources/openapi/accountview-v4.yaml}): the status is documented for the
 * operation, the body is JSON and validates against the documented schema (OpenAPI 3.1 schemas are
 * JSON Schema 2020-12). Thread-safe.
 */
public final class OpenApiContract {

    public static final String ACCOUNT = "/v4/orgs/{org_id}/external-accounts/{account_external_id}";
    public static final String CONTRACTS = ACCOUNT + "/contracts";
    public static final String ACTIVE_CONTRACT = CONTRACTS + "/active";

    /** The document's classpath location. */
    public static final String DOCUMENT = "/openapi/accountview-v4.yaml";
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    private final JsonNode document;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** Compiled once per schema reference: compiling copies every component schema. */
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract() {
        try (InputStream yaml = OpenApiContract.class.getResourceAsStream(DOCUMENT)) {
            document = YAMLMapper.builder().build().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiContract document() {
        return INSTANCE;
    }

    public JsonNode root() {
        return document;
    }

    /**
     * Asserts that {@code response} to {@code GET pathTemplate} (e.g.
     * {@code /v4/orgs/{org_id}/external-accounts/{account_external_id}}) is documented and conforms.
     */
    public void assertConforms(String pathTemplate, HttpResponse<String> response) {
        JsonNode operation = document.path("paths").path(pathTemplate).path("get");
        assertThat(operation.isMissingNode()).as("documented operation GET %s", pathTemplate).isFalse();
        String status = String.valueOf(response.statusCode());
        JsonNode documented = resolve(operation.path("responses").path(status));
        assertThat(documented.isMissingNode()).as("status %s documented for GET %s", status, pathTemplate).isFalse();
        JsonNode schema = documented.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            assertThat(response.body()).as("body of a response documented without content").isEmpty();
            return;
        }
        assertBodyConforms(response, schema.path("$ref").asString());
    }

    /** Asserts that a response carries a JSON body valid against {@code #/components/schemas/<name>}. */
    public void assertBodyConforms(HttpResponse<String> response, String schemaRef) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertBodyConforms(response.body(), schemaRef);
    }

    public void assertBodyConforms(String body, String schemaRef) {
        List<Error> errors = compiled.computeIfAbsent(schemaRef, this::compile).validate(Api.json(body));
        assertThat(errors).as("%s against %s", body, schemaRef).isEmpty();
    }

    private Schema compile(String schemaRef) {
        ObjectNode schemaDocument = JsonNodeFactory.instance.objectNode();
        schemaDocument.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schemaDocument.put("$ref", schemaRef.startsWith("#") ? schemaRef : "#/components/schemas/" + schemaRef);
        schemaDocument.putObject("components").set("schemas", document.path("components").path("schemas").deepCopy());
        return schemas.getSchema(schemaDocument);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (ref.isMissingNode()) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.asString().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
