package com.accountview.query.auth;

import java.io.IOException;

import com.accountview.query.errors.ErrorCode;
import com.accountview.query.errors.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Answers 403 {@code FORBIDDEN} as an ErrorResponse: authenticated, but no allowed role or organization. */
class ErrorResponseAccessDeniedHandler implements AccessDeniedHandler {

    private final ErrorResponses errors;

    ErrorResponseAccessDeniedHandler(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        errors.write(request, response, ErrorCode.FORBIDDEN,
                "The credentials grant no allowed role for this organization.");
    }
}
