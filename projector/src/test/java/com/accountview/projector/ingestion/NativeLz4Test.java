package com.accountview.projector.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;

import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class NativeLz4Test {

    /**
     * Spring Boot's executable jar, reproduced: lz4-java and the projector loaded by a class loader
     * that is not the system one, where lz4-java alone picks its Java decoder.
     */
    @Test
    void theFactoryTheKafkaClientPicksIsTheNativeOneOnceLoaded() throws Exception {
        URL[] jars = {location(LZ4Factory.class), location(NativeLz4.class), location(LoggerFactory.class)};
        try (URLClassLoader executableJar = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader())) {
            Method fastestInstance = executableJar.loadClass(LZ4Factory.class.getName()).getMethod("fastestInstance");
            assertThat(fastestInstance.invoke(null)).as("lz4-java's own pick").hasToString("LZ4Factory:JavaSafe");

            Method load = executableJar.loadClass(NativeLz4.class.getName()).getDeclaredMethod("load");
            load.setAccessible(true);

            assertThat(load.invoke(null)).hasToString("LZ4Factory:JNI");
            assertThat(fastestInstance.invoke(null)).hasToString("LZ4Factory:JNI");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
