package com.accountview.query.auth;

import java.io.IOException;

import com.accountview.query.errors.ErrorCode;
import com.accountview.query.errors.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers 401 {@code UNAUTHORIZED} as an ErrorResponse; in JWT mode with a
 * {@code WWW-Authenticate: Bearer} challenge. The message never says why a token was rejected
 * in detail, so as not to help forgers; in gateway mode it says whether the gateway's header was
 * missing or given more than once.
 */
class ErrorResponseAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ErrorResponses errors;
    private final AuthMode mode;

    ErrorResponseAuthenticationEntryPoint(ErrorResponses errors, AuthMode mode) {
        this.errors = errors;
        this.mode = mode;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String message;
        if (mode == AuthMode.GATEWAY) {
            message = failure instanceof BadCredentialsException ? failure.getMessage()
                    : "Missing credentials: the gateway passed no " + GatewayRolesFilter.HEADER + " header.";
        } else if (failure instanceof OAuth2AuthenticationException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            message = "The bearer token is malformed, expired or not validly signed.";
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            message = "Missing credentials: send Authorization: Bearer <JWT>.";
        }
        errors.write(request, response, ErrorCode.UNAUTHORIZED, message);
    }
}
