package com.accountview.query.support;

import java.util.UUID;

/** Fresh organization and external ids, so that tests sharing one read model never see each other's data. */
public final class Ids {

    private Ids() {
    }

    public static String org() {
        return "org-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static String externalId() {
        return "ext:" + UUID.randomUUID().toString().substring(0, 18);
    }
}
