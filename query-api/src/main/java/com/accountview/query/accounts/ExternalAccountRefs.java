package com.accountview.query.accounts;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets every handler of {@code .../orgs/{orgId}/external-accounts/{externalId}...} take an {@link ExternalAccountRef}. */
@Configuration(proxyBeanMethods = false)
class ExternalAccountRefs implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ExternalAccountRefResolver());
    }
}
