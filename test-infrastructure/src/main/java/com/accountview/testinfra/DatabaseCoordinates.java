package com.accountview.testinfra;

/** How to reach one database: what {@code spring.datasource.*} needs. */
public record DatabaseCoordinates(String jdbcUrl, String username, String password) {
}
