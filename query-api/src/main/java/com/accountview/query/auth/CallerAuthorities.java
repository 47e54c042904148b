package com.accountview.query.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * How a caller's roles and permitted organizations are carried as Spring Security authorities,
 * whichever mode authenticated it: {@code ROLE_<role>}, {@code ORG_<org_id>}, or
 * {@link #ALL_ORGANIZATIONS}. The prefixes keep a role from ever passing for an organization.
 */
final class CallerAuthorities {

    static final String ROLE_PREFIX = "ROLE_";
    static final String ORG_PREFIX = "ORG_";
    static final String ALL_ORGANIZATIONS = "ALL_ORGANIZATIONS";

    /** Compiled once: {@code String.split} compiles its pattern on every call, and this runs on every request. */
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    private CallerAuthorities() {
    }

    static List<GrantedAuthority> of(Collection<String> roles, Collection<String> orgs, boolean allOrganizations) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(ROLE_PREFIX + role)));
        orgs.forEach(org -> authorities.add(new SimpleGrantedAuthority(ORG_PREFIX + org)));
        if (allOrganizations) {
            authorities.add(new SimpleGrantedAuthority(ALL_ORGANIZATIONS));
        }
        return authorities;
    }

    /** Splits a list given as {@code A,B} or {@code A B}, dropping blanks. */
    static List<String> split(String list) {
        // splitting on the separators leaves no blanks inside a value, only a leading empty string
        return list == null ? List.of() : Arrays.stream(SEPARATORS.split(list)).filter(s -> !s.isEmpty()).toList();
    }
}
