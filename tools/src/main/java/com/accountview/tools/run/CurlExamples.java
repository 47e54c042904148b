package com.accountview.tools.run;

/** What the launcher prints once everything answers: requests that answer from the demo data. */
final class CurlExamples {

    private CurlExamples() {
    }

    /** @param tools how the user calls these tools ({@link Invocation}), for the commands it suggests */
    static String text(RunSettings settings, String tools) {
        String api = "http://localhost:" + settings.ports().queryApi();
        String headers = " -H \"Accept: application/json\" -H \"x-auth-roles: API_KEY\"";
        String telco = "curl -X GET " + api + "/v4/orgs/telco/external-accounts/";
        return """

                AccountView is running on 127.0.0.1 only: query-api on %1$s (Actuator on port %9$d),
                projector on http://localhost:%2$d, Kafka on 127.0.0.1:%3$d,
                PostgreSQL on 127.0.0.1:%4$d (database/user/password accountview).
                Data in %5$s, logs in %6$s. Ctrl-C stops everything; the data stays for the next run (--reset wipes it).

                The API's own example: the account, its contracts (every status), its active contract
                  %7$s214748364%8$s
                  %7$s214748364/contracts%8$s
                  %7$s214748364/contracts/active%8$s
                Edge cases
                  %7$s555000111%8$s            # 409: two accounts claim this external id
                  %7$s555000222%8$s            # moved here from the account now known as 555000333
                  %7$s555000444%8$s            # 404: the account was deleted
                  %7$s555000555/contracts%8$s  # [] : an account without contracts
                  %7$s555000666/contracts/active%8$s  # 404: its only contract ended
                  curl -X GET %1$s/v4/orgs/acme/external-accounts/214748364%8$s  # another organization, another account
                Generated accounts: telco and acme, external ids from 100000000 up (events in %5$s/demo/)
                  %7$s100000042/contracts%8$s
                Operations
                  curl http://localhost:%2$d/actuator/health/readiness
                  curl http://localhost:%9$d/actuator/health/readiness
                  curl -s http://localhost:%2$d/actuator/prometheus | grep accountview_projector_events_total
                Publish more events; rebuild the read model (a new generation while the live one serves)
                  %10$s publish --file events.jsonl --bootstrap-servers 127.0.0.1:%3$d
                  %10$s rebuild --data-dir %5$s --projector http://localhost:%2$d
                """.formatted(api, settings.ports().projector(), settings.ports().kafka(), settings.ports().postgres(),
                settings.dataDir(), settings.logs(), telco, headers, settings.ports().queryApiManagement(), tools);
    }
}
