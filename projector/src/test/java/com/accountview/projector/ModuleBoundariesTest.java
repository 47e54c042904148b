package com.accountview.projector;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The projector's packages are modules: each uses only what another makes public in its own
 * package (never a class of another module's sub-package), and no dependency cycle appears.
 */
class ModuleBoundariesTest {

    @Test
    void modulesUseOnlyEachOthersPublicTypesAndFormNoCycle() {
        ApplicationModules.of(ProjectorApplication.class).verify();
    }
}
