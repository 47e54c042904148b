package com.accountview.query.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.accountview.query.support.Api;
import com.accountview.query.support.QueryApiIT;
import com.accountview.query.support.TestAccount;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request runs Spring Security's filter chain, so it holds only the filters the service uses:
 * none for sessions, which it never has, nor for anonymous callers, whom it refuses
 * (docs/api.md, *Authentication and authorization*).
 */
@QueryApiIT
class SecurityChainIT {

    @Autowired
    FilterChainProxy security;

    @Autowired
    Api api;

    @Test
    void everyRequestRunsSixFiltersAndNoneForSessionsOrAnonymousCallers() {
        List<SecurityFilterChain> chains = security.getFilterChains();

        assertThat(chains).hasSize(1);
        assertThat(chains.get(0).getFilters()).extracting(Filter::getClass).extracting(Class::getSimpleName)
                .containsExactly("WebAsyncManagerIntegrationFilter", "SecurityContextHolderFilter",
                        "HeaderWriterFilter", "GatewayRolesFilter", "ExceptionTranslationFilter",
                        "AuthorizationFilter");
    }

    @Test
    void aCallerWithoutCredentialsIsRefusedAndGivenNoSession() {
        HttpResponse<String> response = api.get(TestAccount.fresh().path(), "Cookie", "JSESSIONID=0123456789ABCDEF");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Api.json(response).path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aCallerIsAuthenticatedForItsOwnRequestOnly() {
        String path = TestAccount.fresh().path();

        assertThat(api.getAsApiKey(path).statusCode()).isEqualTo(404);
        HttpResponse<String> next = api.get(path);

        assertThat(next.statusCode()).isEqualTo(401);
        assertThat(next.headers().firstValue("Set-Cookie")).isEmpty();
    }
}
