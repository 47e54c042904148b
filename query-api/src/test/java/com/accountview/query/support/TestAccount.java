package com.accountview.query.support;

/**
 * An account of one test's own: a fresh organization and external id, so that tests sharing the
 * {@link ProjectedReadModel} never see each other's data, and the path the API looks it up by.
 */
public record TestAccount(String org, String externalId) {

    public static TestAccount fresh() {
        return new TestAccount(Ids.org(), Ids.externalId());
    }

    /** The path of its lookup; append an endpoint of {@link Api#ENDPOINTS}. */
    public String path() {
        return Api.account(org, externalId);
    }
}
