package com.accountview.query.web;

import java.io.IOException;

import com.accountview.query.errors.AllowedMethods;
import com.accountview.query.errors.ErrorCode;
import com.accountview.query.errors.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service is read-only: any method but GET and HEAD (OPTIONS included) is answered 405
 * {@code METHOD_NOT_ALLOWED} with {@code Allow: GET, HEAD}, on every path, before authentication.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ReadOnlyMethodsFilter extends OncePerRequestFilter {

    private final ErrorResponses errors;

    ReadOnlyMethodsFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (AllowedMethods.allows(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ALLOW, AllowedMethods.ALLOW);
        errors.write(request, response, ErrorCode.METHOD_NOT_ALLOWED,
                "Method " + request.getMethod() + " is not allowed; this API is read-only (GET, HEAD).");
    }
}
