package com.accountview.projector.projection;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@link ProjectionOrderIndependenceIT} with every batch's statements run in chunks of 2 records:
 * an entity changed in several chunks of a batch, a tombstone in one chunk and a newer version in
 * the next, redeliveries that end in the middle of a chunk, all leave exactly the reference fold.
 */
@SpringBootTest(properties = {"spring.kafka.listener.auto-startup=false", "accountview.projection.chunk-records=2"})
class ChunkedProjectionOrderIndependenceIT extends ProjectionOrderIndependenceIT {
}
