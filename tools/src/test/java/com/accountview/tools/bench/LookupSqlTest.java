package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The baseline runs the query-api's own SQL: the copies must follow the query-api's sources. */
class LookupSqlTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theAccountLookupIsTheQueryApisStatement() throws IOException {
        assertThat(lines(LookupSql.ACCOUNTS_BY_EXTERNAL_ID.sql())).isEqualTo(lines(constantIn(
                "query-api/src/main/java/com/accountview/query/accounts/ExternalAccounts.java", "ACCOUNTS_BY_EXTERNAL_ID")));
    }

    @Test
    void theContractLookupIsTheQueryApisStatement() throws IOException {
        assertThat(lines(LookupSql.CONTRACTS_BY_EXTERNAL_ID.sql())).isEqualTo(lines(constantIn(
                "query-api/src/main/java/com/accountview/query/contracts/AccountContracts.java", "CONTRACTS_BY_EXTERNAL_ID")));
    }

    @Test
    void eachStatementNamesTheSourceItWasCopiedFrom() {
        for (LookupSql sql : List.of(LookupSql.ACCOUNTS_BY_EXTERNAL_ID, LookupSql.CONTRACTS_BY_EXTERNAL_ID)) {
            String[] source = sql.source().split(" ");
            assertThat(PROJECT.resolve(source[0])).isRegularFile();
            assertThat(source[1]).isNotBlank();
        }
    }

    @Test
    void jdbcGetsPositionalParametersInTheirOrder() {
        assertThat(LookupSql.ACCOUNTS_BY_EXTERNAL_ID.jdbc()).contains("a.org_id = ? AND a.external_id = ?")
                .doesNotContain(":orgId", ":externalId");
    }

    /** The text block assigned to {@code name} in a Java source file. */
    private static String constantIn(String file, String name) throws IOException {
        String source = Files.readString(PROJECT.resolve(file));
        Matcher matcher = Pattern.compile(name + "\\s*=\\s*\"\"\"(.*?)\"\"\"", Pattern.DOTALL).matcher(source);
        assertThat(matcher.find()).as("%s in %s", name, file).isTrue();
        return matcher.group(1);
    }

    /** The statement's lines without indentation: a text block's indentation is not part of the SQL. */
    private static List<String> lines(String sql) {
        return sql.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
