package com.accountview.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.accountview.tools.AccountViewTools;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

class InvocationTest {

    @Test
    void commandsSuggestedThroughTheLauncherNameItAsItWasCalled() {
        CommandSpec rebuild = AccountViewTools.commandLine("../main/accountview").getSubcommands().get("rebuild").getCommandSpec();

        assertThat(Invocation.of(rebuild)).isEqualTo("../main/accountview");
    }

    @Test
    void commandsSuggestedByTheJarAloneRunTheJar() {
        CommandSpec run = AccountViewTools.commandLine().getSubcommands().get("run").getCommandSpec();

        assertThat(Invocation.of(run)).isEqualTo("java -jar tools/target/accountview-tools.jar");
    }
}
