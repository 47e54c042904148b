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
 * 200 responses of the API: JSON, {@code Cache-Control: no-cache}, and a strong {@code ETag} that
 * is a hash of the body's JSON, so equal data gives equal tags on every instance. The body is
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
        byte[] bytes = json.writeValueAsBytes(body);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .eTag(etagOf(bytes))
                .body(bytes);
    }

    /** The first 128 bits of the SHA-256 of {@code json}, hex, quoted. */
    static String etagOf(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HEX.formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
