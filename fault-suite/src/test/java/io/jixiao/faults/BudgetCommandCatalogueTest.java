package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.budget.BudgetCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault suite's budget endpoints are budget-service's command registry: one each, same method, path and fields. */
class BudgetCommandCatalogueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BadInput generator = new BadInput("430202", "fs-goal-0", "token");

    @Test
    void everyRegisteredCommandIsAnEndpointWithItsMethodPathAndFields() {
        List<BadInput.Endpoint> budget = generator.endpointList().stream()
                .filter(e -> e.path().startsWith("/api/budget/")).toList();
        assertThat(budget).hasSize(BudgetCommand.values().length);
        for (BudgetCommand c : BudgetCommand.values()) {
            String path = c.path(BudgetSamples.pathValues("430202", "fs-p0", Workload.UNIT, Settings.FISCAL_YEAR));
            assertThat(budget).as(c.name()).filteredOn(e -> e.method().equals(c.method()) && e.path().equals(path))
                    .singleElement().satisfies(e -> assertThat(e.fields()).isEqualTo(c.fields()));
        }
    }

    @Test
    void everySampleBodyCarriesEveryRequiredFieldAndNoFieldOutsideTheRegistry() throws Exception {
        for (BudgetCommand c : BudgetCommand.values()) {
            JsonNode body = JSON.readTree(BudgetSamples.of(c, "430202", "fs-p0", "fs-unit", 2026).body());
            List<String> paths = c.fields().stream().map(BudgetCommand.Field::path).toList();
            for (BudgetCommand.Field f : c.fields()) {
                if (f.required()) {
                    assertThat(body.at("/" + f.path().replace('.', '/')).isMissingNode()).as(c + " " + f.path()).isFalse();
                }
            }
            body.fieldNames().forEachRemaining(name -> assertThat(paths)
                    .as(c + " sample field " + name).anyMatch(p -> p.equals(name) || p.startsWith(name + ".")));
        }
    }
}
