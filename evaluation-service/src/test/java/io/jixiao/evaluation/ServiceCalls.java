package io.jixiao.evaluation;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.Topics;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.AsGateway.Caller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.context.ConfigurableApplicationContext;

/** What the service's integration tests do over real HTTP and the real broker. */
public final class ServiceCalls {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private ServiceCalls() {
    }

    /** A request of {@code caller} to the running {@code service}, signed as the gateway would. */
    public static HttpResponse<String> send(ConfigurableApplicationContext service, Caller caller, String method,
                                            String rawPath, String body, String... headers) throws Exception {
        int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        URI uri = URI.create("http://localhost:" + port + rawPath);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        AsGateway.sign(request, "evaluation-service", method, uri, caller, headers);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The events of {@code key} on evaluation.events, each once (the publisher delivers at least once). */
    public static List<JsonNode> published(String key, int expected) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = SharedTestInfra.kafka().readerFromStart()) {
            consumer.subscribe(List.of(Topics.EVALUATION_EVENTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        JsonNode envelope = JSON.readTree(r.value());
                        found.putIfAbsent(envelope.path("eventId").asText(), envelope);
                    }
                }
                return found.size() >= expected;
            });
        }
        return List.copyOf(found.values());
    }
}
