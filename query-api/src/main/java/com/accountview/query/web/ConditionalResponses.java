package com.accountview.query.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * 200 responses of the API: JSON, {@code Cache-Control: no-cache}, and a strong {@code ETag} that
 * is a hash of the body's JSON, so equal data gives equal tags on every instance. Spring MVC
 * answers a matching {@code If-None-Match} with 304 from that tag. Stateless and thread-safe.
 */
public final class ConditionalResponses {

    /** A mapper for hashing only: the default one is deterministic for the API's records. */
    private static final JsonMapper HASHING = JsonMapper.builder().build();

    private ConditionalResponses() {
    }

    public static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .eTag(etagOf(body))
                .body(body);
    }

    static String etagOf(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(HASHING.writeValueAsBytes(body));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
