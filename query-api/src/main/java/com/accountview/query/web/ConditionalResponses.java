package com.accountview.query.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 200 responses of the API: JSON (or the OpenAPI document), {@code Cache-Control: no-cache}, and a
 * strong {@code ETag} that is a hash of the body, so equal data gives equal tags on every instance. The body is
 * serialized once: the bytes hashed are the bytes sent. Spring MVC answers a matching
 * {@code If-None-Match} with 304 from that tag. Thread-safe.
 */
@Component
public class ConditionalResponses {

    private static final HexFormat HEX = HexFormat.of();

    private final JsonMapper json;

    /** @param json writes the bodies; Spring Boot's own mapper in the application */
    public ConditionalResponses(JsonMapper json) {
        this.json = json;
    }

    /** {@code body} as JSON with its tag. */
    public ResponseEntity<byte[]> ok(Object body) {
        return ok(json.writeValueAsBytes(body), MediaType.APPLICATION_JSON);
    }

    /**
     * {@code body}, as it is, with its tag. A byte array, not a {@code Resource}: Spring MVC answers
     * a {@code Range} header for a resource with 206 or 416, statuses outside the API's contract.
     */
    public ResponseEntity<byte[]> ok(byte[] body, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache())
                .eTag(etagOf(body))
                .body(body);
    }

    /** The first 128 bits of the SHA-256 of {@code body}, hex, quoted. */
    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HEX.formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
