package com.accountview.query.auth;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants a request for {@code /v4/orgs/{orgId}/...} to an authenticated caller that has at least
 * one allowed role and is permitted that organization. Immutable and thread-safe.
 */
class OrganizationAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String ORG_ID_VARIABLE = "orgId";

    private final Set<String> allowedRoleAuthorities;

    OrganizationAccess(Set<String> allowedRoles) {
        this.allowedRoleAuthorities = allowedRoles.stream()
                .map(role -> CallerAuthorities.ROLE_PREFIX + role)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext request) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        Set<String> authorities = caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean allowedRole = authorities.stream().anyMatch(allowedRoleAuthorities::contains);
        String orgId = request.getVariables().get(ORG_ID_VARIABLE);
        boolean permittedOrganization = authorities.contains(CallerAuthorities.ALL_ORGANIZATIONS)
                || (orgId != null && authorities.contains(CallerAuthorities.ORG_PREFIX + orgId));
        return new AuthorizationDecision(allowedRole && permittedOrganization);
    }
}
