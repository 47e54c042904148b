package com.accountview.projector.rebuild;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.accountview.projector.RebuildProperties;

/** The admin token in front of {@code /actuator/rebuild}. */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    @Bean
    FilterRegistrationBean<AdminToken> adminToken(RebuildProperties properties, Environment environment) {
        requireActuatorOnTheServerPort(environment);
        FilterRegistrationBean<AdminToken> registration = new FilterRegistrationBean<>(new AdminToken(properties.adminToken()));
        registration.addUrlPatterns("/actuator/rebuild", "/actuator/rebuild/*");
        return registration;
    }

    /**
     * The token's filter guards the server's own port: Actuator on a port of its own runs in a child
     * context that the filter does not reach, and would take rebuild requests without a token.
     */
    static void requireActuatorOnTheServerPort(Environment environment) {
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            String management = environment.getProperty("management.server.port");
            String server = environment.getProperty("server.port", "8080");
            throw new IllegalStateException("management.server.port (MANAGEMENT_SERVER_PORT) is " + management
                    + ": the projector serves Actuator on its server port (" + server + ") only, where the admin token"
                    + " guards /actuator/rebuild; on a port of its own the endpoint would take requests without"
                    + " the token. Unset it.");
        }
    }
}
