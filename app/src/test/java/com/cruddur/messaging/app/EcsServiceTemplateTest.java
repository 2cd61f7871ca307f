package com.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The ECS service in {@code deploy/cruddur-messaging.yaml} agrees with the service and its image: the
 * container port is the one the service listens on, the health check is the image's (the management
 * port's full health, which production keeps on the task's loopback), and the environment gives
 * production every setting it requires, in production mode.
 */
class EcsServiceTemplateTest {
    private static Map<String, Object> template;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(repositoryFile("deploy/cruddur-messaging.yaml"))) {
            template = new Yaml().load(reader);
        }
    }

    @Test
    void theContainerListensOnTheServicesPortAndTheLoadBalancerSendsThere() throws IOException {
        Map<String, Object> container = container();
        int servicePort = (Integer) path(resource("application.yml"), "micronaut", "server", "port");

        assertThat(list(container.get("PortMappings"))).singleElement()
                .satisfies(mapping -> assertThat(map(mapping).get("ContainerPort")).isEqualTo(servicePort));
        Map<String, Object> loadBalancer = map(list(list(map(properties("Service").get("LoadBalancers")).get("Fn::If")).get(1)).get(0));
        assertThat(loadBalancer.get("ContainerName")).isEqualTo(container.get("Name"));
        assertThat(loadBalancer.get("ContainerPort")).isEqualTo(servicePort);
    }

    @Test
    void theHealthCheckIsTheImagesOnTheManagementPortOfProduction() throws IOException {
        List<Object> command = list(map(container().get("HealthCheck")).get("Command"));
        String script = (String) map(command.get(3)).get("Fn::Sub");
        int managementPort = (Integer) path(resource("application-prod.yml"), "cruddur", "management", "port");

        assertThat(command.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        assertThat(script).contains("/dev/tcp/127.0.0.1/${ManagementPort}").contains("GET /health").contains(" 200 ");
        assertThat(map(parameter("ManagementPort")).get("Default")).isEqualTo(managementPort);
        assertThat(imageHealthCheck()).isEqualTo(script.replace("${ManagementPort}", "${CRUDDUR_MANAGEMENT_PORT}"));
        assertThat(environment()).containsEntry("CRUDDUR_MANAGEMENT_PORT", Map.of("Ref", "ManagementPort"));
    }

    @Test
    void theTaskGetsEverySettingProductionRequiresInProductionMode() {
        List<String> names = new ArrayList<>(environment().keySet());
        list(container().get("Secrets")).forEach(secret -> names.add((String) map(secret).get("Name")));

        assertThat(names).containsAll(ProductionSettings.REQUIRED).doesNotHaveDuplicates();
        assertThat(environment()).containsEntry("MICRONAUT_ENVIRONMENTS", Environments.PROD);
        // The passwords come from Secrets Manager, never as plain environment values.
        assertThat(environment()).doesNotContainKeys("CRUDDUR_JDBC_USER", "CRUDDUR_JDBC_PASSWORD");
    }

    @Test
    void theTaskRunsAsTheServiceRoleOnFargatesSmallestSizeAndLogsToItsGroup() {
        Map<String, Object> task = properties("ServiceTaskDefinition");

        assertThat(task.get("TaskRoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("ServiceRole", "Arn")));
        assertThat(task.get("RequiresCompatibilities")).isEqualTo(List.of("FARGATE"));
        assertThat(map(parameter("ServiceCpu")).get("Default")).isEqualTo("256");
        assertThat(map(parameter("ServiceMemory")).get("Default")).isEqualTo("512");
        assertThat(map(map(container().get("LogConfiguration")).get("Options")))
                .containsEntry("awslogs-group", Map.of("Ref", "ServiceLogGroup"));
        assertThat(container().get("Image")).isEqualTo(Map.of("Ref", "ServiceImage"));
    }

    @Test
    void aServiceThatPollsTheStreamRunsExactlyOneTask() {
        assertThat(properties("Service").get("DesiredCount"))
                .isEqualTo(Map.of("Fn::If", List.of("PollerInService", 1, Map.of("Ref", "ServiceDesiredCount"))));
    }

    private static String imageHealthCheck() throws IOException {
        String dockerfile = Files.readString(repositoryFile("containers/service/Dockerfile"));
        Matcher healthCheck = Pattern.compile("CMD \\[\"bash\", \"-c\", \"(.*)\"\\]").matcher(dockerfile);
        assertThat(healthCheck.find()).as("the image's HEALTHCHECK").isTrue();
        return healthCheck.group(1).replace("\\\\", "\\");
    }

    private static Map<String, Object> environment() {
        Map<String, Object> environment = new LinkedHashMap<>();
        list(container().get("Environment")).forEach(entry -> environment.put((String) map(entry).get("Name"), map(entry).get("Value")));
        return environment;
    }

    private static Map<String, Object> container() {
        return map(list(properties("ServiceTaskDefinition").get("ContainerDefinitions")).get(0));
    }

    private static Map<String, Object> properties(String resource) {
        return map(map(map(template.get("Resources")).get(resource)).get("Properties"));
    }

    private static Object parameter(String name) {
        return map(template.get("Parameters")).get(name);
    }

    private static Object path(Map<String, Object> document, String... keys) {
        Object node = document;
        for (String key : keys) {
            node = map(node).get(key);
        }
        return node;
    }

    private static Map<String, Object> resource(String name) throws IOException {
        try (InputStream in = EcsServiceTemplateTest.class.getClassLoader().getResourceAsStream(name)) {
            return new Yaml().load(in);
        }
    }

    private static Path repositoryFile(String name) {
        return Stream.of(Path.of(name), Path.of("..", name)).filter(Files::exists).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return (List<Object>) node;
    }
}
