package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The baseline runs the query-api's own SQL: the copies must equal the statements the query-api
 * composes from its sources (the endpoint's lookup, put into {@code ReadModel}'s statement on the
 * live generation), whitespace aside.
 */
class LookupSqlTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final String READ_MODEL = "query-api/src/main/java/com/accountview/query/readmodel/ReadModel.java";
    private static final String EXTERNAL_ID_LOOKUP = "query-api/src/main/java/com/accountview/query/accounts/ExternalIdLookup.java";

    @Test
    void theAccountLookupIsTheQueryApisStatement() throws IOException {
        assertThat(normalized(LookupSql.ACCOUNTS_BY_EXTERNAL_ID.sql()))
                .isEqualTo(normalized(asTheQueryApiRunsIt(LookupSql.ACCOUNTS_BY_EXTERNAL_ID)));
    }

    @Test
    void theContractLookupIsTheQueryApisStatement() throws IOException {
        assertThat(normalized(LookupSql.CONTRACTS_BY_EXTERNAL_ID.sql()))
                .isEqualTo(normalized(asTheQueryApiRunsIt(LookupSql.CONTRACTS_BY_EXTERNAL_ID)));
    }

    @Test
    void theActiveContractLookupIsTheQueryApisStatement() throws IOException {
        assertThat(normalized(LookupSql.ACTIVE_CONTRACT_BY_EXTERNAL_ID.sql()))
                .isEqualTo(normalized(asTheQueryApiRunsIt(LookupSql.ACTIVE_CONTRACT_BY_EXTERNAL_ID)));
    }

    @Test
    void aChangedStatementIsNoticed() throws IOException {
        String changed = asTheQueryApiRunsIt(LookupSql.ACCOUNTS_BY_EXTERNAL_ID).replace("org_id = :orgId", "org_id <> :orgId");

        assertThat(normalized(LookupSql.ACCOUNTS_BY_EXTERNAL_ID.sql())).isNotEqualTo(normalized(changed));
    }

    @Test
    void jdbcGetsPositionalParametersInTheirOrder() {
        assertThat(LookupSql.ACCOUNTS_BY_EXTERNAL_ID.jdbc()).contains("org_id = ? AND external_id = ?")
                .doesNotContain(":orgId", ":externalId");
        assertThat(LookupSql.CONTRACTS_BY_EXTERNAL_ID.parameters()).containsExactly("orgId", "externalId");
        assertThat(LookupSql.ACTIVE_CONTRACT_BY_EXTERNAL_ID.jdbc())
                .contains("active.status = ? AND active.start_date <= ?", "(active.end_date IS NULL OR ? < active.end_date)")
                .doesNotContain(":now", ":activeStatus");
        assertThat(LookupSql.ACTIVE_CONTRACT_BY_EXTERNAL_ID.parameters())
                .containsExactly("orgId", "externalId", "activeStatus", "now", "now");
    }

    @Test
    void theActiveContractIsAskedForAtTheInstantGivenInWholeMicroseconds() {
        assertThat(LookupSql.ACTIVE_CONTRACT_BY_EXTERNAL_ID.fixedArguments(Instant.parse("2026-12-07T03:04:05.123456789Z")))
                .containsExactly(entry("activeStatus", "ACTIVE"), entry("now", "2026-12-07T03:04:05.123456Z"));
        assertThat(LookupSql.ACCOUNTS_BY_EXTERNAL_ID.fixedArguments(Instant.EPOCH)).isEmpty();
    }

    /** The lookup {@link LookupSql#source()} names, in the statement ReadModel puts it in. */
    private static String asTheQueryApiRunsIt(LookupSql sql) throws IOException {
        String[] source = sql.source().split(" ");
        String lookup = constantIn(source[0], source[1]);
        return constantIn(READ_MODEL, "ON_LIVE_GENERATION").replace("<lookup>", lookup);
    }

    /**
     * The value of the constant {@code name} in a Java source file: string literals, text blocks
     * and {@code ExternalIdLookup.ACCOUNTS} joined by {@code +}, as the compiler would.
     */
    private static String constantIn(String file, String name) throws IOException {
        String source = Files.readString(PROJECT.resolve(file));
        Matcher matcher = Pattern.compile("\\b" + name + "\\s*=\\s*(.*?\"\"\"\\s*|[^\"]*?\"[^\"]*\"\\s*);", Pattern.DOTALL)
                .matcher(source);
        assertThat(matcher.find()).as("%s in %s", name, file).isTrue();
        StringBuilder value = new StringBuilder();
        for (String term : terms(matcher.group(1))) {
            if (term.startsWith("\"\"\"")) {
                value.append(term.substring(term.indexOf('\n') + 1, term.length() - 3).stripIndent().translateEscapes());
            } else if (term.startsWith("\"")) {
                value.append(term.substring(1, term.length() - 1).translateEscapes());
            } else if (term.equals("ExternalIdLookup.ACCOUNTS")) {
                value.append(constantIn(EXTERNAL_ID_LOOKUP, "ACCOUNTS"));
            } else {
                throw new AssertionError("cannot evaluate " + term + " in " + name + " of " + file);
            }
        }
        return value.toString();
    }

    /** The operands of {@code +} in an expression of literals and names. */
    private static List<String> terms(String expression) {
        List<String> terms = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (Character.isWhitespace(c) || c == '+') {
                i++;
            } else if (expression.startsWith("\"\"\"", i)) {
                int end = expression.indexOf("\"\"\"", i + 3) + 3;
                terms.add(expression.substring(i, end));
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                while (expression.charAt(end) != '"') {
                    end += expression.charAt(end) == '\\' ? 2 : 1;
                }
                terms.add(expression.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < expression.length() && !Character.isWhitespace(expression.charAt(end))
                        && expression.charAt(end) != '+') {
                    end++;
                }
                terms.add(expression.substring(i, end));
                i = end;
            }
        }
        return terms;
    }

    /** One space between words, none next to a parenthesis: layout is not part of the SQL. */
    private static String normalized(String sql) {
        return sql.strip().replaceAll("\\s+", " ").replaceAll(" ?([()]) ?", "$1");
    }
}
