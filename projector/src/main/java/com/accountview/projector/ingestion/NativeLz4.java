package com.accountview.projector.ingestion;

import net.jpountz.lz4.LZ4Factory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets the Kafka client decompress LZ4 record batches with lz4-java's native library. lz4-java
 * loads that library by itself only when the system class loader loaded lz4-java; in Spring
 * Boot's executable jar it does not, and every batch went through lz4-java's pure-Java decoder, 7%
 * of the projector's CPU (JFR, docs/performance.md). Loaded here, as a bean, before any listener
 * container starts and the client makes its decompressor, {@code LZ4Factory.fastestInstance()} is
 * the native one. Where the library cannot load (a platform lz4-java has no build for), the Java
 * decoder stays: it decodes the same, only slower.
 */
@Component
final class NativeLz4 {

    private static final Logger log = LoggerFactory.getLogger(NativeLz4.class);

    NativeLz4() {
        log.info("Kafka's LZ4 batches are decompressed by {}", load());
    }

    /** Loads the native library if it can; the factory the Kafka client will use. */
    static LZ4Factory load() {
        try {
            LZ4Factory.nativeInstance();
        } catch (LinkageError | RuntimeException e) {
            log.warn("lz4-java's native library did not load, LZ4 batches are decompressed in Java: {}", e.toString());
        }
        return LZ4Factory.fastestInstance();
    }
}
