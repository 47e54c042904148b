package com.accountview.query.accounts;

import com.accountview.query.errors.ErrorCode;
import com.accountview.query.errors.ErrorResponse;
import com.accountview.query.errors.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A malformed id, on every endpoint that resolves an external id, is 400 {@code INVALID_REQUEST}
 * with the exception's message. Ordered before the API's catch-all handler, which would answer it
 * 500. (No account and several accounts are answered by the controllers themselves, from
 * {@link AccountMatches}.)
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExternalAccountErrors {

    private final ErrorResponses errors;

    ExternalAccountErrors(ErrorResponses errors) {
        this.errors = errors;
    }

    @ExceptionHandler
    ResponseEntity<ErrorResponse> malformedId(MalformedIdException failure, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.INVALID_REQUEST, failure.getMessage());
    }
}
