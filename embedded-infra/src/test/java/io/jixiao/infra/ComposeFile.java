package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml as the tests read it: its services (YAML merge keys resolved), their environments. */
final class ComposeFile {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final List<String> DOMAIN_SERVICES = List.of("budget-service", "evaluation-service", "disclosure-service");
    /** A Kafka node's service: {@code kafka-1}, {@code kafka-2}, … */
    private static final Pattern BROKER = Pattern.compile("kafka-\\d+");

    private final Map<String, Object> services;

    @SuppressWarnings("unchecked")
    private ComposeFile(Map<String, Object> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    static ComposeFile read() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return new ComposeFile((Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("services"));
        }
    }

    Map<String, Object> services() {
        return services;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Map<String, Object> definition = (Map<String, Object>) services.get(name);
        assertThat(definition).as(name + " in docker-compose.yml").isNotNull();
        return definition;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> environment(String service) {
        return (Map<String, Object>) service(service).get("environment");
    }

    /** The Kafka nodes' service names, in order. */
    List<String> brokers() {
        return services.keySet().stream().filter(name -> BROKER.matcher(name).matches()).sorted().toList();
    }

    /** {@code service} and its further instances ({@code service-2}, …): the compose services running its image. */
    List<String> instances(String service) {
        return services.keySet().stream().filter(name -> name.equals(service) || name.matches(
                Pattern.quote(service) + "-\\d+")).toList();
    }

    @SuppressWarnings("unchecked")
    String kafkaInitScript() {
        return (String) ((List<Object>) service("kafka-init").get("command")).get(0);
    }

    /** The number in the first match of {@code regex} (one group) in kafka-init's script. */
    int initNumber(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(kafkaInitScript());
        assertThat(matcher.find()).as(regex + " in kafka-init").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
