package com.accountview.projector.generations;

/**
 * The generation of the read model this projector writes: its rows, partitions and stored offsets
 * are all tagged with {@link #id()}. Immutable.
 */
public record Generation(int id) {
}
