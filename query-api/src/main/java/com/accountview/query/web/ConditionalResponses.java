package com.accountview.query.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * 200 responses of the API: JSON (or the OpenAPI document), {@code Cache-Control: no-cache}, and a
 * strong {@code ETag} that is a hash of the body, so equal data gives equal tags on every instance. The body is
 * serialized once: the bytes hashed are the bytes sent. {@link #send} writes any handler's answer, a
 * 200 or an error, to the servlet response, and answers a matching {@code If-None-Match} 304 from the
 * tag, by Spring's own evaluation of the header. Thread-safe.
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

    /**
     * Sends a handler's answer, a 200 of {@link #ok} or an error with its body already serialized,
     * straight to the servlet response: its status and headers, a {@code Content-Length} and the
     * body (with {@link DownloadGuard}'s header where it applies), or 304 without a body when it is
     * a 200 whose tag a {@code GET} or {@code HEAD} names in {@code If-None-Match}: byte for byte
     * what Spring MVC wrote from the {@code ResponseEntity} a handler returned, without its
     * return-value handlers and message converters, which took about a tenth of the query-api's
     * CPU per request (docs/performance.md, "Answers written by the handlers").
     */
    public void send(ResponseEntity<byte[]> answer, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int status = answer.getStatusCode().value();
        response.setStatus(status);
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        String etag = answer.getHeaders().getETag();
        if (status == 200 && etag != null && isGetOrHead(request)
                && new ServletWebRequest(request, response).checkNotModified(etag)) {
            return; // 304, with the tag and the other headers
        }
        if (DownloadGuard.applies(request)) {
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DownloadGuard.CONTENT_DISPOSITION);
        }
        byte[] body = answer.getBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean isGetOrHead(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
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
