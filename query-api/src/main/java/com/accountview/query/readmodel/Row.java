package com.accountview.query.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the current row of a lookup's result set, by column name, to a value. */
@FunctionalInterface
public interface Row<T> {

    /** @param row positioned on the row to map; must not be moved */
    T map(ResultSet row) throws SQLException;
}
