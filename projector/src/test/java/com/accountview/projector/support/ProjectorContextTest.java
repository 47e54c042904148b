package com.accountview.projector.support;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import com.accountview.projector.TopicsProperties;
import com.accountview.testinfra.RealInfrastructure;

/**
 * An integration test with the projector running in the test's own JVM on the real broker and
 * PostgreSQL, a database and topics of its own, and an {@link EventStream} to feed it.
 */
@SpringBootTest
@RealInfrastructure
public abstract class ProjectorContextTest {

    @Autowired
    protected DataSource dataSource;

    @Autowired
    protected TopicsProperties topics;

    @Autowired
    protected MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected ReadModel readModel;
    protected EventStream events;

    @BeforeEach
    void connect() {
        readModel = new ReadModel(dataSource);
        events = new EventStream(bootstrapServers, readModel);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }
}
