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
 * The web edge of the external-account lookup, for every endpoint that resolves an external id:
 * a malformed id is 400 {@code INVALID_REQUEST}, no account 404 {@code ACCOUNT_NOT_FOUND}, several
 * 409 {@code EXTERNAL_ID_CONFLICT}, each with the exception's message. Ordered before the API's
 * catch-all handler, which would answer them 500.
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

    @ExceptionHandler
    ResponseEntity<ErrorResponse> notFound(AccountNotFoundException failure, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.ACCOUNT_NOT_FOUND, failure.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorResponse> conflict(ExternalIdConflictException failure, HttpServletRequest request) {
        return errors.entity(request, ErrorCode.EXTERNAL_ID_CONFLICT, failure.getMessage());
    }
}
