package com.accountview.query.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerMapping;

class ExternalAccountRefResolverTest {

    private final ExternalAccountRefResolver resolver = new ExternalAccountRefResolver();

    @Test
    void onlyExternalAccountRefParametersAreResolved() throws NoSuchMethodException {
        var handler = Handlers.class.getDeclaredMethod("handle", ExternalAccountRef.class, String.class);

        assertThat(resolver.supportsParameter(new MethodParameter(handler, 0))).isTrue();
        assertThat(resolver.supportsParameter(new MethodParameter(handler, 1))).isFalse();
    }

    @Test
    void theRefIsMadeOfThePathsMatchedVariables() {
        ExternalAccountRef ref = resolver.resolveArgument(null, null,
                requestWith(Map.of("orgId", "acme", "externalId", "ext:1", "other", "x")), null);

        assertThat(ref).isEqualTo(new ExternalAccountRef("acme", "ext:1"));
    }

    @Test
    void aMalformedOrMissingVariableIsRefusedAsAMalformedId() {
        assertThatThrownBy(() -> resolver.resolveArgument(null, null,
                requestWith(Map.of("orgId", "Acme", "externalId", "ext:1")), null))
                .isInstanceOf(MalformedIdException.class).hasMessageStartingWith("org_id must be");
        assertThatThrownBy(() -> resolver.resolveArgument(null, null, requestWith(Map.of("orgId", "acme")), null))
                .isInstanceOf(MalformedIdException.class).hasMessageStartingWith("account_external_id must be");
    }

    private static ServletWebRequest requestWith(Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return new ServletWebRequest(request);
    }

    private static final class Handlers {

        @SuppressWarnings("unused")
        void handle(ExternalAccountRef ref, String other) {
        }
    }
}
