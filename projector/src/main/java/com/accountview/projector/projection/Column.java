package com.accountview.projector.projection;

import java.util.function.Function;

/**
 * One column of an entity table, described once: its name, its PostgreSQL type, and how its value
 * is taken from an entity's final state (as text, the form the multi-row upsert binds arrays in).
 *
 * @param name the column name
 * @param sqlType the PostgreSQL type the text value is cast to
 * @param value the value of an entity's write, as text; null for SQL NULL
 */
record Column(String name, String sqlType, Function<EntityWrite, String> value) {

    /** The array parameter the upsert binds this column's values to. */
    String parameter() {
        return name + "s";
    }
}
