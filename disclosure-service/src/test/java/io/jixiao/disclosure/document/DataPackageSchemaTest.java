package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code datapackage.json} of each demo against the Frictionless Data project's published JSON Schema profiles
 * (test resources {@code frictionless/}, with their source and licence): the package against Tabular Data Package,
 * each resource against Tabular Data Resource, each resource's schema against Table Schema. A broken package fails.
 */
class DataPackageSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    private static final Schema PACKAGE = profile("tabular-data-package.json");
    private static final Schema RESOURCE = profile("tabular-data-resource.json");
    private static final Schema TABLE_SCHEMA = profile("table-schema.json");

    private static Schema profile(String file) {
        try (InputStream in = DataPackageSchemaTest.class.getResourceAsStream("/frictionless/" + file)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Demo> demos() {
        return Stream.of(Demo.hetang(), Demo.beita(), Demo.lusong(), Demo.lukou());
    }

    static JsonNode descriptor(Demo demo) throws IOException {
        byte[] zip = DataPackageWriter.write(demo.report(), demo.ledger());
        return JSON.readTree(DeterministicZip.entries(zip).get("datapackage.json"));
    }

    /** Every error of the package and its resources against the profiles, located. */
    static List<String> errors(JsonNode descriptor) {
        List<String> errors = new ArrayList<>();
        PACKAGE.validate(descriptor).forEach(e -> errors.add("package " + e.getInstanceLocation() + ": " + e.getMessage()));
        for (JsonNode resource : descriptor.path("resources")) {
            String name = resource.path("name").asText();
            RESOURCE.validate(resource).forEach(e -> errors.add(name + " " + e.getInstanceLocation() + ": " + e.getMessage()));
            TABLE_SCHEMA.validate(resource.path("schema")).forEach(
                    e -> errors.add(name + " schema " + e.getInstanceLocation() + ": " + e.getMessage()));
        }
        return errors;
    }

    @ParameterizedTest
    @MethodSource("demos")
    void theDataPackageValidatesAgainstThePublishedProfiles(Demo demo) throws IOException {
        JsonNode descriptor = descriptor(demo);
        assertThat(descriptor.path("profile").asText()).isEqualTo("tabular-data-package");
        assertThat(descriptor.path("resources")).hasSize(8);
        assertThat(errors(descriptor)).as(demo.fixture()).isEmpty();
        System.out.printf("%s: datapackage.json and %d resources valid (Tabular Data Package, Tabular Data Resource, "
                + "Table Schema)%n", demo.fixture(), descriptor.path("resources").size());
    }

    @Test
    void aBrokenPackageFailsNamingWhatIsWrong() throws IOException {
        ObjectNode broken = (ObjectNode) descriptor(Demo.hetang());
        ObjectNode budgetLines = (ObjectNode) broken.path("resources").get(0);
        budgetLines.put("name", "Budget Lines");  // upper case and a space: not a Data Package name
        ((ObjectNode) budgetLines.path("schema").path("fields").get(0)).put("type", "money");  // no such type
        broken.remove("profile");
        List<String> errors = errors(broken);
        System.out.printf("broken package: %d errors, e.g. %s%n", errors.size(), errors.subList(0, 2));
        assertThat(errors).anyMatch(e -> e.startsWith("package") && e.contains("profile"));
        assertThat(errors).anyMatch(e -> e.contains("/resources/0/name") || e.contains("/name"));
        assertThat(errors).anyMatch(e -> e.contains("schema") && e.contains("/fields/0"));
    }
}
