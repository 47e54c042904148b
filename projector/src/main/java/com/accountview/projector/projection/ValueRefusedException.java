package com.accountview.projector.projection;

import java.sql.SQLException;

/**
 * A record that passed every rule of the contract, yet carries a value PostgreSQL refuses to store
 * (see {@link RefusedValues}). Found by applying the record alone; it is dead-lettered with the
 * database's message, like a malformed one.
 */
public class ValueRefusedException extends RuntimeException {

    public ValueRefusedException(SQLException refusal) {
        super("PostgreSQL refused a value of this record (SQLSTATE " + refusal.getSQLState() + "): "
                + refusal.getMessage(), refusal);
    }
}
