package com.accountview.query.web;

import java.util.List;

import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.RequestPath;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Tags {@code http_server_requests_seconds} of a request that a filter answered before Spring MVC
 * routed it (401 and 403 from Spring Security, 405 for a method the read-only API refuses, 400 from
 * the firewall) with the pattern of the endpoint its path names, as a routed request is tagged:
 * Spring's convention would tag them {@code UNKNOWN}, mixed with every unknown path, and the
 * latency per endpoint and status would hide which endpoint callers are refused on. A path that
 * names no endpoint keeps Spring's tag. Thread-safe: the patterns are read once, from the routes.
 */
@Component
class UnroutedRequestTags extends DefaultServerRequestObservationConvention {

    private final ObjectProvider<RequestMappingHandlerMapping> routes;
    private volatile List<PathPattern> endpoints;

    /** @param routes Spring MVC's annotated routes; looked up at the first unrouted request, when they exist */
    UnroutedRequestTags(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.routes = routes;
    }

    @Override
    protected KeyValue uri(ServerRequestObservationContext context) {
        HttpServletRequest request = context.getCarrier();
        if (context.getPathPattern() == null && request != null) {
            RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
            for (PathPattern endpoint : endpoints()) {
                if (endpoint.matches(path.pathWithinApplication())) {
                    return KeyValue.of("uri", endpoint.getPatternString());
                }
            }
        }
        return super.uri(context);
    }

    private List<PathPattern> endpoints() {
        List<PathPattern> known = endpoints;
        if (known == null) {
            known = routes.getObject().getHandlerMethods().keySet().stream()
                    .map(RequestMappingInfo::getPathPatternsCondition)
                    .filter(condition -> condition != null)
                    .flatMap(condition -> condition.getPatterns().stream())
                    .sorted(PathPattern.SPECIFICITY_COMPARATOR)
                    .toList();
            endpoints = known;
        }
        return known;
    }
}
