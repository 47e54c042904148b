package com.accountview.query.web;

import com.accountview.query.errors.ErrorResponses;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;

/**
 * The management port is read-only as the API's is: the same filter answers every method but GET
 * and HEAD with 405 and {@code Allow: GET, HEAD}. Without it the actuator answered {@code OPTIONS}
 * with 200 and named only GET as allowed, though HEAD works. Loaded into the management child
 * context only (see {@code META-INF/spring/...ManagementContextConfiguration.imports}), never
 * component-scanned.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class ManagementServerMethods {

    @Bean
    ReadOnlyMethodsFilter managementReadOnlyMethodsFilter(ErrorResponses errors) {
        return new ReadOnlyMethodsFilter(errors);
    }
}
