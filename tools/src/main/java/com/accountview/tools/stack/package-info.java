/**
 * The local stack: PostgreSQL 16 from embedded binaries, a single-node KRaft Kafka broker (in the
 * launcher's JVM or, {@link KafkaBrokerCommand}, in one of its own) and the services as child JVMs,
 * all on the loopback address, with what starting, watching and stopping them takes: the data
 * directory they keep their state in, the services' jars, environment and JVM options (AOT caches,
 * compiler threads, the projector's collector goal), free ports, waits with deadlines, the stop in
 * reverse order, and what a killed launcher left running. {@code run} and {@code bench} are built on
 * it, and {@code rebuild} finds a local run's admin token through it; nothing here depends on them.
 *
 * <p>Every server listens on 127.0.0.1 only. A data directory is claimed by one launcher at a time, and
 * only one that is new, empty or marked as the launcher's is used or reset. What a launcher starts is
 * stopped in reverse order, exactly once; what a killed launcher left running the next one stops before
 * it starts anything. A failure the user can act on is a {@link LocalStackException} whose message says
 * what to do. Each type says whether it is thread-safe; those a launcher shares with its shutdown hook
 * ({@link Console}, {@link Shutdown}, {@link ServiceProcess}, {@link LocalPostgres}, {@link LocalKafka})
 * are.
 */
package com.accountview.tools.stack;
