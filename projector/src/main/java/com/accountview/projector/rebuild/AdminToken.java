package com.accountview.projector.rebuild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the admin endpoint {@code /actuator/rebuild}: every request needs
 * {@code Authorization: Bearer <accountview.rebuild.admin-token>}; without it, or when no token is
 * configured, the answer is 401 with a JSON body saying which. Compares in constant time.
 * Thread-safe.
 */
final class AdminToken extends OncePerRequestFilter {

    private final byte[] token;

    /** @param token the configured token, or null: then nothing gets through */
    AdminToken(String token) {
        // stripped like the presented token: a setting's stray blank would otherwise make it unusable
        this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String problem;
        if (token == null) {
            problem = "No admin token is configured on this projector (accountview.rebuild.admin-token).";
        } else if (authorization == null || !authorization.startsWith("Bearer ")) {
            problem = "Missing credentials: send Authorization: Bearer <admin token>.";
        } else if (!MessageDigest.isEqual(token, authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            problem = "The admin token is not valid.";
        } else {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":\"unauthorized\",\"message\":\"" + problem + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
