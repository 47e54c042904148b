package com.accountview.query.auth;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gateway mode: the caller is whoever the trusted gateway says, with the roles of the
 * {@code x-auth-roles} header ({@code ROLE[,ROLE...]}) and every organization. Without the header
 * (or with only blanks in it) the caller stays anonymous and is answered 401.
 */
class GatewayRolesFilter extends OncePerRequestFilter {

    static final String HEADER = "x-auth-roles";

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> roles = Collections.list(request.getHeaders(HEADER)).stream()
                .flatMap(value -> CallerAuthorities.split(value).stream())
                .toList();
        if (!roles.isEmpty()) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(
                    "gateway", "", CallerAuthorities.of(roles, List.of(), true)));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
