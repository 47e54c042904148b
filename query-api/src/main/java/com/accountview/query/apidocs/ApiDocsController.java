package com.accountview.query.apidocs;

import java.io.IOException;

import com.accountview.query.web.ConditionalResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the API's OpenAPI 3 document at {@code /v4/api-docs}, exactly as kept in the repository
 * ({@code src/main/resources/openapi/accountview-v4.yaml}), with an {@code ETag} like every 200 of
 * the API; open to everyone.
 */
@RestController
class ApiDocsController {

    private static final String DOCUMENT = "openapi/accountview-v4.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] document;
    private final ConditionalResponses responses;

    ApiDocsController(ConditionalResponses responses) throws IOException {
        this.document = new ClassPathResource(DOCUMENT).getContentAsByteArray();
        this.responses = responses;
    }

    @GetMapping(path = "/v4/api-docs")
    void apiDocs(HttpServletRequest request, HttpServletResponse response) throws IOException {
        responses.send(responses.ok(document, YAML), request, response);
    }
}
