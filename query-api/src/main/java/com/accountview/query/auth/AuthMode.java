package com.accountview.query.auth;

/** How callers are authenticated ({@code accountview.auth.mode}). */
enum AuthMode {
    /**
     * A trusted gateway authenticated the caller and passes {@code x-auth-roles}; every organization
     * is permitted. Only safe behind a gateway that strips client-supplied {@code x-auth-roles}.
     */
    GATEWAY,
    /** The service validates an RS256 bearer JWT itself; {@code roles} and {@code orgs} claims decide. */
    JWT
}
