package com.accountview.query.auth;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gateway mode: the caller is whoever the trusted gateway says, with the roles of the
 * {@code x-auth-roles} header ({@code ROLE[,ROLE...]}) and every organization. Without the header
 * (or with only blanks in it) the caller stays anonymous and is answered 401. A request with the
 * header more than once is answered 401 at once, on every path: a gateway that appends its header
 * to the client's instead of replacing it must not let the client add roles.
 */
class GatewayRolesFilter extends OncePerRequestFilter {

    static final String HEADER = "x-auth-roles";

    private static final Logger log = LoggerFactory.getLogger(GatewayRolesFilter.class);

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final AuthenticationEntryPoint entryPoint;

    GatewayRolesFilter(AuthenticationEntryPoint entryPoint) {
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> headers = Collections.list(request.getHeaders(HEADER));
        if (headers.size() > 1) {
            log.warn("Rejected {} {} with {} {} headers: the gateway must replace a client's {} header, not add to it",
                    request.getMethod(), request.getRequestURI(), headers.size(), HEADER, HEADER);
            entryPoint.commence(request, response, new BadCredentialsException(
                    "Several " + HEADER + " headers: the gateway must pass exactly one."));
            return;
        }
        List<String> roles = headers.stream().flatMap(value -> CallerAuthorities.split(value).stream()).toList();
        if (!roles.isEmpty()) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(
                    "gateway", "", CallerAuthorities.of(roles, List.of(), true)));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
