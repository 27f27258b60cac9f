package io.jixiao.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.contract.Compatibility.Verdict;
import io.jixiao.events.EventTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed contract against the records as they are now, under the compatibility rule. Regenerate with
 * {@code ./mvnw -B -pl jixiao-contract test -Dtest=PublishedContractTest -Dcontract.update=true} after installing
 * jixiao-events (docs/contributing.md); it writes only when nothing breaks, or the version was raised.
 */
class PublishedContractTest {
    private static final Path COMMITTED = Path.of("src/main/resources/contract");

    @Test
    void theCommittedSchemasAcceptEveryChangeOfTheRecordsOrTheBuildFails() throws Exception {
        Map<String, JsonNode> committed = PublishedContract.committed(COMMITTED.resolve("events"));
        Map<String, ObjectNode> generated = EventSchemas.all();
        Verdict verdict = Compatibility.check(committed, generated);
        assertThat(verdict.breaking()).as("changes the compatibility rule refuses (docs/integration.md): restore the "
                + "field, or raise the event's version in contract/versions.properties").isEmpty();
        List<String> stale = new ArrayList<>(verdict.compatible());
        generated.forEach((type, schema) -> {
            if (committed.containsKey(type) && !committed.get(type).equals(schema) && verdict.compatible().stream()
                    .noneMatch(change -> change.startsWith(type))) {
                stale.add(type + ": description or layout changed");
            }
        });
        Path asyncApi = COMMITTED.resolve(PublishedContract.ASYNCAPI);
        if (!Files.exists(asyncApi) || !Files.readString(asyncApi).equals(PublishedContract.asyncApi())) {
            stale.add(PublishedContract.ASYNCAPI + ": differs from the records");
        }
        if (Boolean.getBoolean("contract.update")) {
            PublishedContract.write(COMMITTED);
            System.out.println("contract regenerated in " + COMMITTED.toAbsolutePath() + ": " + stale);
            return;
        }
        if (!stale.isEmpty()) {
            System.out.println("The published contract has compatible changes not committed yet; regenerate with "
                    + "-Dcontract.update=true (docs/contributing.md) and commit: " + stale);
        }
        assertThat(committed).as("committed schemas").isNotEmpty();
    }

    @Test
    void aRenamedFieldIsRefused() {
        ObjectNode committed = EventSchemas.all().get("BondIssued");
        ObjectNode renamed = committed.deepCopy();
        ObjectNode properties = (ObjectNode) renamed.get("properties");
        properties.set("issuedOn", properties.remove("date"));
        Verdict verdict = Compatibility.check(Map.of("BondIssued", committed), Map.of("BondIssued", renamed));
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.breaking()).containsExactly("BondIssued.date: removed");
        assertThat(verdict.compatible()).containsExactly("BondIssued.issuedOn: added (optional)");
    }

    @Test
    void aRetypedOrNewlyRequiredFieldOrARemovedTypeOrEnumValueIsRefused() {
        ObjectNode committed = EventSchemas.all().get("BudgetAppropriated");
        ObjectNode retyped = committed.deepCopy();
        ((ObjectNode) retyped.get("properties")).putObject("amountFen").put("type", "string");
        assertThat(Compatibility.check(Map.of("T", committed), Map.of("T", retyped)).breaking())
                .containsExactly("T.amountFen/type: \"integer\" became \"string\"", "T.amountFen: 'format' removed");
        ObjectNode required = committed.deepCopy();
        required.withArray("required").add("docNo");
        assertThat(Compatibility.check(Map.of("T", committed), Map.of("T", required)).breaking())
                .containsExactly("T.docNo: now required");
        ObjectNode fewerSources = committed.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) fewerSources.at("/properties/fundSource/enum")).remove(0);
        assertThat(Compatibility.check(Map.of("T", committed), Map.of("T", fewerSources)).breaking())
                .containsExactly("T.fundSource: value 一般公共预算 removed");
        assertThat(Compatibility.check(Map.of("T", committed), Map.of()).breaking())
                .containsExactly("T: event type removed (retire it by deleting its committed schema)");
    }

    @Test
    void aNewOptionalFieldANewTypeOrARaisedVersionIsAccepted() {
        ObjectNode committed = EventSchemas.all().get("BondIssued");
        ObjectNode wider = committed.deepCopy();
        ((ObjectNode) wider.get("properties")).putObject("reviewNote").putArray("type").add("string").add("null");
        Verdict verdict = Compatibility.check(Map.of("BondIssued", committed),
                Map.of("BondIssued", wider, "EntryReversed", committed));
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.compatible()).containsExactlyInAnyOrder("BondIssued.reviewNote: added (optional)",
                "EntryReversed: new event type");
        ObjectNode nextVersion = committed.deepCopy().put("x-jixiao-version", 2);
        ((ObjectNode) nextVersion.get("properties")).remove("date");
        assertThat(Compatibility.check(Map.of("BondIssued", committed), Map.of("BondIssued", nextVersion)).ok()).isTrue();
    }

    @Test
    void everyPublishedTypeHasASchemaAndAMessageOnItsOwnersTopic() {
        Map<String, ObjectNode> schemas = EventSchemas.all();
        assertThat(schemas.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
        JsonNode bond = schemas.get("BondIssued");
        assertThat(bond.path("$schema").asText()).isEqualTo(EventSchemas.DIALECT);
        assertThat(bond.path("x-jixiao-topic").asText()).isEqualTo("budget.events");
        assertThat(bond.at("/properties/amountFen/type").asText()).isEqualTo("integer");
        assertThat(bond.at("/properties/date/format").asText()).isEqualTo("date");
        assertThat(bond.at("/properties/kind/enum").toString()).isEqualTo("[\"NEW\",\"REFINANCING\",null]");
        assertThat(schemas.get("BudgetAppropriated").at("/properties/fundSource/enum").toString()).contains("一般公共预算");
        assertThat(bond.path("required").toString()).isEqualTo("[\"fiscalYear\",\"amountFen\"]");
        String asyncApi = PublishedContract.asyncApi();
        assertThat(asyncApi).contains("asyncapi: 3.0.0", "address: budget.events", "address: evaluation.events",
                "jixiao-producer", "const: budget-service", "$ref: ./events/EvaluationResultApplied.json");
    }
}
