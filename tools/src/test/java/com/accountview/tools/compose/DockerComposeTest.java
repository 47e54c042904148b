package com.accountview.tools.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.accountview.contract.Topics;
import com.accountview.tools.stack.CollectorGoal;

/**
 * Keeps docker-compose.yml honest without a Docker engine: it is checked against the services'
 * own configuration, read from their sources.
 */
class DockerComposeTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final ComposeFile COMPOSE = ComposeFile.read(PROJECT.resolve("docker-compose.yml"));

    private static ServiceConfiguration configuration(String service) {
        return ServiceConfiguration.of(PROJECT.resolve(service));
    }

    @Test
    void theServicesConfigurationIsFoundInTheirSources() {
        assertThat(configuration("projector").keys())
                .contains("spring.datasource.url", "accountview.topics.accounts", "accountview.projection.ready-max-lag");
        assertThat(configuration("query-api").keys())
                .contains("spring.datasource.url", "accountview.auth.mode", "accountview.auth.jwt.jwk-set-uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"projector", "query-api"})
    void everyEnvironmentVariableSetForAServiceIsOneItReads(String service) {
        ServiceConfiguration configuration = configuration(service);

        assertThat(COMPOSE.environment(service).keySet()).isNotEmpty().allSatisfy(variable ->
                assertThat(configuration.keysBoundBy(variable))
                        .as("%s sets %s, which binds to none of the properties %s reads", service, variable, service)
                        .isNotEmpty());
    }

    @Test
    void aVariableNoServiceReadsIsCaught() {
        assertThat(configuration("projector").keysBoundBy("ACCOUNTVIEW_TOPIC_ACCOUNTS")).isEmpty();
        assertThat(configuration("projector").keysBoundBy("ACCOUNTVIEW_TOPICS_ACCOUNTS"))
                .containsExactly("accountview.topics.accounts");
    }

    /** The port that compose (or else application.yml) gives {@code key} of the service; 0 where neither sets it. */
    private static int port(String service, String key, String variable) {
        return Integer.parseInt(COMPOSE.environment(service).getOrDefault(variable,
                configuration(service).applicationYmlValue(key).orElse("0")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"projector", "query-api"})
    void theServicePortsAreTheOnesPublishedHealthCheckedAndExposed(String service) throws IOException {
        int port = port(service, "server.port", "SERVER_PORT");
        int managementPort = port(service, "management.server.port", "MANAGEMENT_SERVER_PORT");
        List<Integer> ports = managementPort == 0 ? List.of(port) : List.of(port, managementPort);
        int actuatorPort = managementPort == 0 ? port : managementPort;

        assertThat(port).isPositive();
        assertThat(COMPOSE.containerPorts(service)).containsExactlyElementsOf(ports);
        assertThat(COMPOSE.healthcheck(service)).contains("http://localhost:" + actuatorPort + "/actuator/health/readiness");
        assertThat(Files.readString(PROJECT.resolve(service).resolve("Dockerfile")))
                .containsPattern("EXPOSE " + ports.stream().map(String::valueOf).collect(Collectors.joining(" ")) + "\\s");
    }

    @Test
    void theQueryApiServesItsActuatorOnAPortOfItsOwn() {
        int managementPort = port("query-api", "management.server.port", "MANAGEMENT_SERVER_PORT");

        assertThat(managementPort).isPositive().isNotEqualTo(port("query-api", "server.port", "SERVER_PORT"));
        assertThat(String.valueOf(managementPort))
                .isEqualTo(configuration("query-api").applicationYmlValue("management.server.port").orElseThrow());
    }

    @Test
    void theProjectorDefaultsAgreeWithItsOwnConfiguration() {
        ServiceConfiguration projector = configuration("projector");
        Map<String, String> environment = COMPOSE.environment("projector");

        // the projector's topic defaults are the contract's (TopicsProperties' @DefaultValue)
        assertThat(environment.get("ACCOUNTVIEW_TOPICS_ACCOUNTS")).isEqualTo(Topics.ACCOUNTS);
        assertThat(environment.get("ACCOUNTVIEW_TOPICS_CONTRACTS")).isEqualTo(Topics.CONTRACTS);
        assertThat(environment.get("SPRING_KAFKA_CONSUMER_GROUP_ID"))
                .isEqualTo(projector.applicationYmlValue("spring.kafka.consumer.group-id").orElseThrow());
    }

    @Test
    void theTopicsTheProjectorConsumesAndDeadLettersToAreCreated() {
        Map<String, String> environment = COMPOSE.environment("projector");
        String creation = COMPOSE.command("kafka-topics");

        for (String topic : List.of(environment.get("ACCOUNTVIEW_TOPICS_ACCOUNTS"), environment.get("ACCOUNTVIEW_TOPICS_CONTRACTS"))) {
            assertThat(creation).containsPattern("(^|\\s)" + Pattern.quote(topic) + "(\\s|;|$)")
                    .containsPattern("(^|\\s)" + Pattern.quote(topic + ".DLT") + "(\\s|;|$)");
        }
    }

    @Test
    void theProjectorReachesKafkaThroughAnAdvertisedListener() {
        String bootstrap = COMPOSE.environment("projector").get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        String advertised = COMPOSE.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");

        assertThat(advertised).contains("://" + bootstrap);
        assertThat(bootstrap).startsWith("kafka:");
        assertThat(COMPOSE.healthcheck("kafka")).contains(bootstrap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"projector", "query-api"})
    void theServicesUseTheComposeDatabase(String service) {
        Map<String, String> environment = COMPOSE.environment(service);
        Map<String, String> postgres = COMPOSE.environment("postgres");
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(environment.get("SPRING_DATASOURCE_URL"));

        assertThat(url.matches()).as(environment.get("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(COMPOSE.hasService(url.group(1))).as("host %s is a compose service", url.group(1)).isTrue();
        assertThat(url.group(2)).isEqualTo("5432");
        assertThat(url.group(3)).isEqualTo(postgres.get("POSTGRES_DB"));
        assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"projector", "query-api"})
    void eachServiceIsBuiltFromItsDockerfileWithItsOwnJar(String service) throws IOException {
        assertThat(COMPOSE.service(service).get("build")).isEqualTo("./" + service);
        String dockerfile = Files.readString(PROJECT.resolve(service).resolve("Dockerfile"));

        assertThat(dockerfile).containsPattern("FROM eclipse-temurin:\\d+-jre").contains("COPY target/" + service + "-*.jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"projector", "query-api"})
    void eachServiceRunsTwoC2CompilerThreadsUnlessTheOperatorSaysOtherwise(String service) throws IOException {
        String dockerfile = Files.readString(PROJECT.resolve(service).resolve("Dockerfile"));

        // an environment variable, not the entry point: an operator can leave the count out there
        assertThat(dockerfile).containsPattern("ENV JDK_JAVA_OPTIONS=\"-XX:CICompilerCount=3[ \"]")
                .doesNotContainPattern("ENTRYPOINT .*CICompilerCount");
        // before the query-api's training run, which then runs with the options its cache is used with
        assertThat(dockerfile.indexOf("ENV JDK_JAVA_OPTIONS")).isLessThan(dockerfile.indexOf("ENTRYPOINT"));
        if (dockerfile.contains("AOTCacheOutput")) {
            assertThat(dockerfile.indexOf("ENV JDK_JAVA_OPTIONS")).isLessThan(dockerfile.indexOf("AOTCacheOutput"));
        }
    }

    @Test
    void theProjectorsImageSetsTheCollectorGoalTheLauncherSets() throws IOException {
        String dockerfile = Files.readString(PROJECT.resolve("projector").resolve("Dockerfile"));
        String goal = CollectorGoal.forProjector(List.of()).get(0);

        // in JDK_JAVA_OPTIONS with the compiler threads, where an operator can change it; not in the entry point
        assertThat(dockerfile).containsPattern("ENV JDK_JAVA_OPTIONS=\"[^\"]*" + Pattern.quote(goal) + "[^\"]*\"")
                .doesNotContainPattern("ENTRYPOINT .*GCTimeRatio");
    }

    @Test
    void theQueryApiStartsFromTheAotCacheItsImageTrainsWithTheSameClassPath() throws IOException {
        String dockerfile = Files.readString(PROJECT.resolve("query-api").resolve("Dockerfile"));
        Matcher training = Pattern.compile("RUN java -XX:AOTCacheOutput=(\\S+) -Dspring.context.exit=onRefresh -jar (\\S+)\\s")
                .matcher(dockerfile);
        Matcher entrypoint = Pattern.compile("ENTRYPOINT \\[\"java\", \"-XX:AOTCache=([^\"]+)\",.* \"-jar\", \"([^\"]+)\"]")
                .matcher(dockerfile);
        Matcher extraction = Pattern.compile("extract --destination (\\S+)\\s+\\\\?\\s*--application-filename (\\S+)")
                .matcher(dockerfile);

        assertThat(training.find()).as("a training run").isTrue();
        assertThat(entrypoint.find()).as("an entry point that uses the cache").isTrue();
        assertThat(extraction.find()).as("the jar extracted").isTrue();
        assertThat(entrypoint.group(1)).isEqualTo(training.group(1));
        // the cache is only used with the class path it was made with
        assertThat(entrypoint.group(2)).isEqualTo(training.group(2))
                .isEqualTo(extraction.group(1) + "/" + extraction.group(2));
        // -XX:AOTCacheOutput needs Java 25 (JEP 514)
        assertThat(dockerfile).containsPattern("FROM eclipse-temurin:(2[5-9]|[3-9]\\d)-jre");
    }

    @Test
    void interpolationTakesDefaultsAndEscapes() {
        assertThat(ComposeFile.interpolate("${A:-x}/${B-y}/${C}/$$topic")).isEqualTo("x/y//$topic");
        assertThat(URI.create(ComposeFile.interpolate("http://localhost:${P:-8080}/")).getPort()).isEqualTo(8080);
    }
}
