package com.accountview.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The tools' packages (one per command, and what the commands share) are modules as the services'
 * packages are: none depends on another in a cycle, and the two rules the README states hold.
 */
class PackageBoundariesTest {

    private final ApplicationModules packages = ApplicationModules.of(AccountViewTools.class.getPackageName());

    @Test
    void packagesFormNoCycle() {
        packages.verify();
    }

    @Test
    void noOtherCommandUsesTheRunCommandsPackage() {
        ApplicationModule run = packages.getModuleByName("run").orElseThrow();

        assertThat(packages.stream().filter(module -> !module.equals(run)))
                .allSatisfy(module -> assertThat(dependenciesOf(module)).as(module.getName()).doesNotContain("run"));
    }

    @Test
    void whatTheCommandsShareDependsOnNoCommand() {
        assertThat(dependenciesOf(packages.getModuleByName("cli").orElseThrow())).isEmpty();
    }

    private List<String> dependenciesOf(ApplicationModule module) {
        return module.getDirectDependencies(packages).uniqueModules().map(ApplicationModule::getName).toList();
    }
}
