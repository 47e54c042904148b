package com.accountview.projector.rebuild;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.accountview.projector.RebuildProperties;

/** The admin token in front of {@code /actuator/rebuild}. */
@Configuration(proxyBeanMethods = false)
class RebuildConfiguration {

    @Bean
    FilterRegistrationBean<AdminToken> adminToken(RebuildProperties properties) {
        FilterRegistrationBean<AdminToken> registration = new FilterRegistrationBean<>(new AdminToken(properties.adminToken()));
        registration.addUrlPatterns("/actuator/rebuild", "/actuator/rebuild/*");
        return registration;
    }
}
