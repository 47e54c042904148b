package com.accountview.query.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel/JSON error page: whatever the servlet container forwards to
 * {@code /error} (a {@code sendError} from a filter such as Spring Security's firewall, or an
 * exception thrown outside Spring MVC) is answered as an {@link ErrorResponse}.
 */
@RestController
class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    private final ErrorResponses errors;

    JsonErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ErrorResponse> error(HttpServletRequest request, HttpServletResponse response) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof ApiException api) {
            return errors.entity(request, api.code(), api.getMessage());
        }
        if (status == 405) {
            // Tomcat rejects TRACE itself, listing every method a servlet could have; the API has two
            response.setHeader(HttpHeaders.ALLOW, AllowedMethods.ALLOW);
        }
        if (status >= 500) {
            log.error("Unexpected failure of {} (trace_id={})", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    TraceIds.of(request), failure instanceof Throwable t ? t : null);
        }
        return errors.forStatus(request, status, new HttpHeaders());
    }
}
