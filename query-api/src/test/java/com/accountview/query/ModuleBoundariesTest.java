package com.accountview.query;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The packages below {@code com.accountview.query} are modules in Spring Modulith's sense: one may
 * use only another's public types (its API), and their dependencies form no cycle. Read from the
 * application's package: {@link QueryApiApplication} spells {@code @SpringBootApplication} out, so
 * Spring Modulith does not take it for a root type.
 */
class ModuleBoundariesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(QueryApiApplication.class.getPackageName());

    @Test
    void packagesUseOnlyEachOthersApiAndDependOnEachOtherWithoutCycles() {
        MODULES.verify();
    }
}
