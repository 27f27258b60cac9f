package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.fixtures.GatewayClient;
import io.jixiao.fixtures.LoadFixtures;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.local.LocalStackProcesses;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The stacks the e2e tests of one failsafe JVM share: each {@link Kind} is started once, on first use, and closed when
 * the test run ends (a resource of JUnit's root store). A test class takes one in its {@code @BeforeAll}:
 *
 * <pre>{@code
 * @ExtendWith(SharedStacks.class)
 * class SomeIT {
 *     @BeforeAll
 *     static void start(@SharedStacks.Of(Kind.PLAIN) RunningStack shared) { stack = shared; }
 * }
 * }</pre>
 *
 * and does not close it. Before it is handed out, every projection has caught up with what earlier classes did
 * ({@link RunningStack#awaitSettled()}), so a class may compare counts of the whole stack before and after an act.
 * A test on a shared stack writes only to districts (and ids, idempotency keys) of its own.
 */
final class SharedStacks implements ParameterResolver {

    /** Which shared stack. */
    enum Kind {
        /**
         * No fixtures; the rectification sweeper every second (so an overdue item is recorded within a second). Each
         * district belongs to one test class: 430203 IntegrationDocIT, 430204 and 430211 SkeletonFlowIT, 430212
         * BureauCycleIT (which loads the 渌口区 demo into it), 430299 ResultApplicationIT.
         */
        PLAIN,
        /**
         * The four demo district-years loaded, which no test changes; a test that writes uses a district of its own
         * (WorkbenchBrowserIT 430288) or leaves nothing the demos' figures show (a narrative check).
         */
        DEMOS
    }

    /** The shared stack of that kind for a {@link RunningStack} parameter. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Of {
        Kind value();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class && parameter.isAnnotated(Of.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Kind kind = parameter.findAnnotation(Of.class).orElseThrow().value();
        RunningStack stack = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedStacks.class))
                .getOrComputeIfAbsent(kind, k -> new Shared(start(kind)), Shared.class).stack();
        try {
            stack.awaitSettled();
        } catch (Exception e) {
            throw new IllegalStateException("the shared " + kind + " stack did not settle", e);
        }
        return stack;
    }

    private static RunningStack start(Kind kind) {
        try {
            return switch (kind) {
                case PLAIN -> RunningStack.startOnOwnBroker("shared-plain", Map.of(LocalStackProcesses.EVALUATION,
                        Map.of("JIXIAO_RECTIFICATION_SWEEP_INTERVAL", "PT1S")));
                case DEMOS -> withDemos(RunningStack.startOnOwnBroker("shared-demos"));
            };
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RunningStack withDemos(RunningStack stack) {
        try {
            assertThat(LoadFixtures.loadAll(new GatewayClient(stack.processes.gatewayUrl(), LocalTokens.loader(stack.home)),
                    LoadFixtures.DEMOS, false)).as("the demo fixtures loaded").isTrue();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Closes the stack when JUnit closes its root store, at the end of the run. */
    private record Shared(RunningStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
