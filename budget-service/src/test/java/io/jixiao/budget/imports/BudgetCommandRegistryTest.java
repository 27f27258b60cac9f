package io.jixiao.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jixiao.events.budget.BudgetCommand;
import jakarta.validation.Validation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every command endpoint of budget-service (each PUT and POST of a controller) is an entry of the command registry
 * {@link BudgetCommand} with the same method, path and body fields, and every importable entry has its line builder
 * in the bulk import. A command added to a controller but not to the registry, or to the registry but not to the
 * import, fails here.
 */
class BudgetCommandRegistryTest {
    /** Writes that are not commands built from a request body of their own. */
    private static final Set<String> NOT_COMMANDS = Set.of(
            "POST /api/budget/imports",                                        // carries many commands, by op
            "POST /api/budget/districts/{districtCode}/result-applications/retry"); // retries recorded results

    @Test
    void everyWriteEndpointOfAControllerIsARegisteredCommandWithTheRegisteredFields() throws Exception {
        Map<String, Method> writes = writeHandlers();
        List<String> unregistered = new ArrayList<>();
        EnumSet<BudgetCommand> handled = EnumSet.noneOf(BudgetCommand.class);
        for (var w : writes.entrySet()) {
            if (NOT_COMMANDS.contains(w.getKey())) {
                continue;
            }
            var command = Arrays.stream(BudgetCommand.values())
                    .filter(c -> (c.method() + " " + c.path()).equals(w.getKey())).findFirst();
            if (command.isEmpty()) {
                unregistered.add(w.getKey());
                continue;
            }
            handled.add(command.get());
            List<String> components = bodyComponents(w.getValue());
            assertThat(command.get().fields()).as(w.getKey() + " fields")
                    .allSatisfy(f -> assertThat(components).contains(f.path().split("\\.")[0]));
        }
        assertThat(unregistered).as("write endpoints without an entry in BudgetCommand").isEmpty();
        assertThat(handled).as("registered commands with a controller endpoint")
                .containsExactlyInAnyOrder(BudgetCommand.values());
    }

    @Test
    void everyImportableCommandHasItsLineBuilderAndItsOpName() {
        ImportOps ops = new ImportOps(Validation.buildDefaultValidatorFactory().getValidator());
        assertThat(ops.bound()).containsExactlyInAnyOrderElementsOf(BudgetCommand.importable());
        assertThat(ImportOps.OPS).containsExactly("registerUnit", "registerProject", "appropriate", "adjust",
                "carryOver", "spend", "reverse", "basicBudget", "basicAdjust", "basicSpend", "threePublicBudget",
                "threePublicSpend", "transfer", "debtOpening", "debtLimit", "bond", "principal", "interest");
    }

    /** "METHOD /path/{template}" → handler, for every PUT and POST of the service's controllers. */
    private static Map<String, Method> writeHandlers() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Map<String, Method> writes = new LinkedHashMap<>();
        for (var candidate : scanner.findCandidateComponents("io.jixiao.budget")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            String prefix = base == null || base.path().length == 0 ? "" : base.path()[0];
            for (Method m : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(m, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String path = prefix + (mapping.path().length == 0 ? "" : mapping.path()[0]);
                for (RequestMethod method : mapping.method()) {
                    if (method == RequestMethod.POST || method == RequestMethod.PUT) {
                        writes.put(method + " " + path, m);
                    }
                }
            }
        }
        assertThat(writes).as("the scan found the controllers").hasSizeGreaterThan(10);
        return writes;
    }

    /** The JSON names of the handler's request body record. */
    private static List<String> bodyComponents(Method handler) {
        for (Parameter p : handler.getParameters()) {
            if (p.isAnnotationPresent(RequestBody.class) && p.getType().isRecord()) {
                List<String> names = new ArrayList<>();
                for (RecordComponent c : p.getType().getRecordComponents()) {
                    JsonProperty json = c.getAccessor().getAnnotation(JsonProperty.class);
                    names.add(json != null && !json.value().isEmpty() ? json.value() : c.getName());
                }
                return names;
            }
        }
        return List.of();
    }
}
