package com.accountview.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineInfoTest {

    @Test
    void theCpuModelIsTheFirstProcessorsModelName() {
        String cpuinfo = """
                processor\t: 0
                vendor_id\t: AuthenticAMD
                model name\t: AMD EPYC 7B13
                processor\t: 1
                model name\t: AMD EPYC 7B13
                """;

        assertThat(MachineInfo.cpuModel(cpuinfo)).hasValue("AMD EPYC 7B13");
        assertThat(MachineInfo.cpuModel("processor : 0\n")).isEmpty();
    }

    @Test
    void theDescriptionNamesCoresMemoryCpuAndJdk() {
        MachineInfo machine = new MachineInfo(2, 24 * 1024 * 1024, "AMD EPYC", "OpenJDK 17", "Linux", "0.5 0.4 0.3", "2026-12-02");

        assertThat(machine.describe()).startsWith("2 cores (AMD EPYC), 24.0 GiB memory, OpenJDK 17, Linux");
    }
}
