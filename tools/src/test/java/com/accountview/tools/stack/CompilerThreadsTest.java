package com.accountview.tools.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompilerThreadsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void belowFourProcessorsTheServicesGetTwoC2CompilerThreads(int processors) {
        assertThat(CompilerThreads.forProcessors(processors, List.of("-Xmx512m")))
                .containsExactly("-Xmx512m", "-XX:CICompilerCount=3");
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 64})
    void fromFourProcessorsHotSpotChoosesItself(int processors) {
        assertThat(CompilerThreads.forProcessors(processors, List.of("-Xmx512m"))).containsExactly("-Xmx512m");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8})
    void aCountGivenInTheOptionsIsKept(int processors) {
        assertThat(CompilerThreads.forProcessors(processors, List.of("-XX:CICompilerCount=2", "-Xmx1g")))
                .containsExactly("-XX:CICompilerCount=2", "-Xmx1g");
    }
}
