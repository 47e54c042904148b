package com.accountview.query.errors;

import java.util.Set;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The management server's errors are JSON like the API's: its Tomcat gets the
 * {@link JsonErrorReportValve} too, and no error page, so that a status sent without a body (a
 * wrong method Tomcat rejects, a request Spring Security's firewall rejects) is written by that
 * valve instead of Spring Boot's management error endpoint, which answers in a format of its own.
 * Errors raised inside Spring MVC are answered by {@link ApiExceptionHandler}, which applies to the
 * management context as well. Loaded into the management child context only (see
 * {@code META-INF/spring/...ManagementContextConfiguration.imports}), never component-scanned.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Import(TomcatErrorReports.class)
class ManagementServerErrors {

    @Bean
    NoErrorPages noErrorPages() {
        return new NoErrorPages();
    }

    /** Runs after Spring Boot's customizer that adds the management error page, and removes it. */
    static final class NoErrorPages implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableServletWebServerFactory factory) {
            factory.setErrorPages(Set.of());
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
