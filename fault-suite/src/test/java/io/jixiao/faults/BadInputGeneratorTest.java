package io.jixiao.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generator without a stack: every category in turn, reproducible, every family of every service reached. */
class BadInputGeneratorTest {
    private final BadInput generator = new BadInput("430202", "fs-goal-0", "token");

    @Test
    void everyCategoryGetsItsShareAndASeedGivesTheSameRequests() {
        List<BadInput.BadRequest> requests = generator.generate(10_000, 7);
        Map<BadInput.Category, Long> perCategory = requests.stream()
                .collect(Collectors.groupingBy(BadInput.BadRequest::category, Collectors.counting()));
        assertThat(perCategory.keySet()).containsExactlyInAnyOrder(BadInput.Category.values());
        assertThat(perCategory.values()).allSatisfy(n -> assertThat(n).isBetween(833L, 834L));
        List<String> again = generator.generate(10_000, 7).stream().map(BadInput.BadRequest::description).toList();
        assertThat(requests.stream().map(BadInput.BadRequest::description).toList()).isEqualTo(again);
    }

    @Test
    void theRequestsReachEveryServiceAndEveryWriteFamily() {
        List<BadInput.BadRequest> requests = generator.generate(10_000, 11);
        assertThat(requests).extracting(BadInput.BadRequest::path)
                .anyMatch(p -> p.startsWith("/api/budget/"))
                .anyMatch(p -> p.startsWith("/api/evaluation/"))
                .anyMatch(p -> p.startsWith("/api/disclosure/"))
                .anyMatch(p -> p.startsWith("/api/reports/"))
                .anyMatch(p -> p.startsWith("/api/budget/imports"))
                .anyMatch(p -> p.contains("/admin/"));
        Map<String, Long> families = requests.stream()
                .collect(Collectors.groupingBy(BadInput.BadRequest::family, Collectors.counting()));
        assertThat(families.keySet()).contains("budget appropriation", "budget adjustment", "budget expenditure",
                "budget carry-over", "budget unit", "budget project", "budget bond", "budget transfer",
                "evaluation goal", "evaluation monitoring", "evaluation self", "evaluation key commission",
                "disclosure package", "disclosure retraction", "budget import", "path");
    }

    @Test
    void escapesShowWhatIsInvisible() {
        assertThat(BadInput.escape("a\u0000b\u202Ec\ud800")).isEqualTo("a\\u0000b\\u202ec\\ud800");
        assertThat(BadInput.jsonEscape("\"x\"\u00e9\ud800")).isEqualTo("\\\"x\\\"\\u00e9\\ud800");
        assertThat(Arrays.stream(BadInput.Category.values()).map(Function.identity()).count()).isEqualTo(12);
    }
}
