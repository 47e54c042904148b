package com.accountview.query.apidocs;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the API's OpenAPI 3 document at {@code /v4/api-docs}, exactly as kept in the repository
 * ({@code src/main/resources/openapi/accountview-v4.yaml}); open to everyone.
 */
@RestController
class ApiDocsController {

    private static final String DOCUMENT = "openapi/accountview-v4.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final Resource document = new ClassPathResource(DOCUMENT);

    @GetMapping(path = "/v4/api-docs")
    ResponseEntity<Resource> apiDocs() {
        return ResponseEntity.ok().contentType(YAML).cacheControl(CacheControl.noCache()).body(document);
    }
}
