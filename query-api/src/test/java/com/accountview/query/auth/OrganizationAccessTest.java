package com.accountview.query.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class OrganizationAccessTest {

    private final OrganizationAccess access = new OrganizationAccess(Set.of("API_KEY", "SUPPORT"));

    private boolean granted(Authentication caller, String org) {
        var request = new RequestAuthorizationContext(new MockHttpServletRequest(), Map.of("orgId", org));
        return access.authorize(() -> caller, request).isGranted();
    }

    private static Authentication caller(List<String> roles, List<String> orgs, boolean allOrganizations) {
        return new PreAuthenticatedAuthenticationToken("c", "", CallerAuthorities.of(roles, orgs, allOrganizations));
    }

    @Test
    void anyConfiguredRoleIsEnough() {
        assertThat(granted(caller(List.of("SUPPORT"), List.of(), true), "telco")).isTrue();
        assertThat(granted(caller(List.of("READER", "API_KEY"), List.of(), true), "telco")).isTrue();
        assertThat(granted(caller(List.of("READER"), List.of(), true), "telco")).isFalse();
    }

    @Test
    void organizationMustBePermitted() {
        assertThat(granted(caller(List.of("API_KEY"), List.of("telco"), false), "telco")).isTrue();
        assertThat(granted(caller(List.of("API_KEY"), List.of("telco"), false), "bank")).isFalse();
        assertThat(granted(caller(List.of("API_KEY"), List.of(), false), "telco")).isFalse();
    }

    @Test
    void aRoleNamedLikeAnOrganizationGrantsNoOrganization() {
        assertThat(granted(caller(List.of("API_KEY", "ORG_telco", "ALL_ORGANIZATIONS"), List.of(), false), "telco"))
                .isFalse();
    }

    @Test
    void anonymousCallerIsNeverGranted() {
        Authentication anonymous = new AnonymousAuthenticationToken("k", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_API_KEY", CallerAuthorities.ALL_ORGANIZATIONS));

        assertThat(granted(anonymous, "telco")).isFalse();
    }
}
