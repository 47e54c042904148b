package com.accountview.query.errors;

import java.util.Set;

/**
 * The service is read-only: GET and HEAD are the only methods it answers; any other is 405
 * {@code METHOD_NOT_ALLOWED} with {@code Allow: GET, HEAD}, whichever layer rejects it.
 */
public final class AllowedMethods {

    /** The value of the {@code Allow} header of every 405. */
    public static final String ALLOW = "GET, HEAD";

    private static final Set<String> METHODS = Set.of("GET", "HEAD");

    private AllowedMethods() {
    }

    /** Whether {@code method} (case-sensitive, as HTTP methods are) is one the API answers. */
    public static boolean allows(String method) {
        return METHODS.contains(method);
    }
}
