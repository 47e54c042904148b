package com.accountview.query.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The query-api on a random port (and a random management port) against the
 * {@link ProjectedReadModel shared projected read model}, with a {@link TestClock} and an
 * {@link Api} client for those ports (inject both with {@code @Autowired}). Test classes with no
 * further configuration share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ProjectedReadModelInitializer.class)
@Import(QueryApiIT.TestBeans.class)
public @interface QueryApiIT {

    @TestConfiguration(proxyBeanMethods = false)
    class TestBeans {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        /** Lazy: the ports are known only once the web servers have started, after the singletons. */
        @Bean
        @Lazy
        Api api(@Value("${local.server.port}") int port, @Value("${local.management.port}") int managementPort) {
            return new Api(port, managementPort);
        }
    }
}
