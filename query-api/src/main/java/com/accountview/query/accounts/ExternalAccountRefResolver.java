package com.accountview.query.accounts;

import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives a handler's {@link ExternalAccountRef} parameter the path's {@code orgId} and
 * {@code externalId}, as Spring MVC matched and decoded them; the record refuses malformed ids
 * (400). Two {@code @PathVariable String}s took the same values through the conversion service
 * (String to String), 3% of a warm request's CPU (docs/performance.md). Stateless, thread-safe.
 */
final class ExternalAccountRefResolver implements HandlerMethodArgumentResolver {

    private static final String ORG_ID = "orgId";
    private static final String EXTERNAL_ID = "externalId";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ExternalAccountRef.class;
    }

    @Override
    public ExternalAccountRef resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                              NativeWebRequest request, WebDataBinderFactory binders) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return variables == null ? new ExternalAccountRef(null, null)
                : new ExternalAccountRef(variables.get(ORG_ID), variables.get(EXTERNAL_ID));
    }
}
