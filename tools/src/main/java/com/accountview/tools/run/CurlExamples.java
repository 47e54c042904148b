package com.accountview.tools.run;

import com.accountview.tools.cli.Invocation;

/** What the launcher prints once everything answers: where everything is, and requests to try. */
final class CurlExamples {

    private CurlExamples() {
    }

    /**
     * @param tools how the user calls these tools ({@link Invocation}), for the commands it suggests
     * @param demoData whether the data directory holds the demo data (published by this run or an
     *                 earlier one): only then do the demo's requests answer as their comments say
     */
    static String text(RunSettings settings, String tools, boolean demoData) {
        String api = "http://localhost:" + settings.ports().queryApi();
        String headers = " -H \"Accept: application/json\" -H \"x-auth-roles: API_KEY\"";
        String telco = "curl -X GET " + api + "/v4/orgs/telco/external-accounts/";
        String where = """

                AccountView is running on 127.0.0.1 only: query-api on %1$s (Actuator on port %5$d),
                projector on http://localhost:%2$d, Kafka on 127.0.0.1:%3$d,
                PostgreSQL on 127.0.0.1:%4$d (database/user/password accountview).
                Data in %6$s, logs in %7$s. Ctrl-C stops everything; the data stays for the next run (--reset wipes it).

                """.formatted(api, settings.ports().projector(), settings.ports().kafka(), settings.ports().postgres(),
                settings.ports().queryApiManagement(), settings.dataDir(), settings.logs());
        String requests = demoData ? """
                The API's own example: the account, its contracts (every status), its active contract
                  %1$s214748364%2$s
                  %1$s214748364/contracts%2$s
                  %1$s214748364/contracts/active%2$s
                Edge cases
                  %1$s555000111%2$s            # 409: two accounts claim this external id
                  %1$s555000222%2$s            # moved here from the account now known as 555000333
                  %1$s555000444%2$s            # 404: the account was deleted
                  %1$s555000555/contracts%2$s  # [] : an account without contracts
                  %1$s555000666/contracts/active%2$s  # 404: its only contract ended
                  curl -X GET %3$s/v4/orgs/acme/external-accounts/214748364%2$s  # another organization, another account
                Generated accounts: telco and acme, external ids from 100000000 up (events in %4$s/demo/)
                  %1$s100000042/contracts%2$s
                """.formatted(telco, headers, api, settings.dataDir()) : """
                No demo data in this data directory (--no-demo): publish events, then ask for an account
                  curl -X GET %s/v4/orgs/ORG/external-accounts/EXTERNAL_ID%s
                """.formatted(api, headers);
        String operations = """
                Operations
                  curl http://localhost:%1$d/actuator/health/readiness
                  curl http://localhost:%2$d/actuator/health/readiness
                  curl -s http://localhost:%1$d/actuator/prometheus | grep accountview_projector_events_total
                Publish more events; rebuild the read model (a new generation while the live one serves)
                  %3$s publish --file events.jsonl --bootstrap-servers 127.0.0.1:%4$d
                  %3$s rebuild --data-dir %5$s --projector http://localhost:%1$d
                """.formatted(settings.ports().projector(), settings.ports().queryApiManagement(), tools,
                settings.ports().kafka(), settings.dataDir());
        return where + requests + operations;
    }
}
