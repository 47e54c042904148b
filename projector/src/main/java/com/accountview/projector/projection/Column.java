package com.accountview.projector.projection;

import java.time.Instant;
import java.util.function.Function;

/**
 * One column of an entity table, described once: its name, its PostgreSQL type, and how its value
 * is taken from an entity's final state. The multi-row upsert binds each column as one array:
 * {@code timestamptz} columns as {@code int8[]} of microseconds since the epoch, which the driver
 * sends in binary (formatting and parsing every timestamp as text cost a tenth of the projector's
 * CPU and of PostgreSQL's), every other column as {@code text[]} cast to the column's type.
 * Immutable.
 *
 * @param name the column name
 * @param sqlType the column's PostgreSQL type
 * @param value the value of an entity's write; an {@link Instant} for {@code timestamptz}, anything
 *              whose {@code toString} is the text PostgreSQL reads otherwise; null for SQL NULL
 */
record Column(String name, String sqlType, Function<EntityWrite, Object> value) {

    private static final String TIMESTAMPTZ = "timestamptz";
    private static final long MICROS_PER_SECOND = 1_000_000;

    /** The array parameter the upsert binds this column's values to. */
    String parameter() {
        return name + "s";
    }

    /** The element type of the bound array. */
    String arrayType() {
        return isTimestamp() ? "int8" : "text";
    }

    /** A new array for {@code size} values of this column, of the class {@link #element} returns. */
    Object[] newArray(int size) {
        return isTimestamp() ? new Long[size] : new String[size];
    }

    /** This column's value of {@code write} as an element of the bound array; null for SQL NULL. */
    Object element(EntityWrite write) {
        Object result = value.apply(write);
        if (result == null) {
            return null;
        }
        return isTimestamp() ? epochMicros((Instant) result) : result.toString();
    }

    /**
     * The SQL expression of the column's value, from the array element {@code element}. An instant is
     * the whole seconds plus the microseconds: {@code to_timestamp} of whole seconds is exact in the
     * years 0001 to 9999, and integer division and remainder keep the sign, so negative values (before
     * 1970) come out right too.
     */
    String fromElement(String element) {
        return isTimestamp()
                ? "(to_timestamp(" + element + " / " + MICROS_PER_SECOND + ") + (" + element + " % "
                        + MICROS_PER_SECOND + ") * interval '1 microsecond')"
                : "CAST(" + element + " AS " + sqlType + ")";
    }

    /** The contract's instants are whole microseconds already (they are rounded when decoded). */
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
    }

    private boolean isTimestamp() {
        return TIMESTAMPTZ.equals(sqlType);
    }
}
