package com.accountview.testinfra;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** How to reach one database: what {@code spring.datasource.*} needs. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {

    /** A new connection for each {@code getConnection()}, no pool: for tests that read what a process wrote. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }
}
