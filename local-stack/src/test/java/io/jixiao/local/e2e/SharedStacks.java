package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.fixtures.GatewayClient;
import io.jixiao.fixtures.LoadFixtures;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.local.LocalStackProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The stacks the e2e test classes of one failsafe JVM share. A class names its kind and takes the stack in its
 * {@code @BeforeAll}, and does not close it:
 *
 * <pre>{@code
 * @SharedStacks.On(Kind.PLAIN)
 * class SomeIT {
 *     @BeforeAll
 *     static void start(RunningStack shared) { stack = shared; }
 * }
 * }</pre>
 *
 * Each kind starts on first use. {@link ByStack} (junit-platform.properties) runs the classes with a stack of their
 * own first, then the classes of each kind together, so each kind starts once and one stack runs at a time: a kind
 * asked for closes the other kind's stack; the last one closes when the run ends (a resource of JUnit's root store).
 * Before the stack is handed to a class, every projection has caught up with what earlier classes did
 * ({@link RunningStack#awaitSettled()}), so a class may compare counts of the whole stack before and after its acts.
 * A class on a shared stack writes only to districts (and ids, idempotency keys) of its own.
 */
final class SharedStacks implements ParameterResolver {

    /** Which shared stack. */
    enum Kind {
        /**
         * No fixtures; the rectification sweeper every second (so an overdue item is recorded within a second). Each
         * district belongs to one test class: 430203 IntegrationDocIT (the district of {@code docs/integration.md}),
         * 430204 and 430211 SkeletonFlowIT, 430212 BureauCycleIT (which loads the 渌口区 demo into it), 430299
         * ResultApplicationIT.
         */
        PLAIN,
        /**
         * The four demo district-years, loaded once, whose figures no test changes; a test that writes uses a district
         * of its own (WorkbenchBrowserIT 430288) or adds what no figure shows (a narrative check of 430202).
         */
        DEMOS
    }

    /** The class runs on the shared stack of that kind, handed to a {@link RunningStack} parameter. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @ExtendWith(SharedStacks.class)
    @interface On {
        Kind value();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class
                && context.getRequiredTestClass().isAnnotationPresent(On.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Kind kind = context.getRequiredTestClass().getAnnotation(On.class).value();
        RunningStack stack = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedStacks.class))
                .getOrComputeIfAbsent(Current.class, k -> new Current(), Current.class).of(kind);
        try {
            stack.awaitSettled();
        } catch (Exception e) {
            throw new IllegalStateException("the shared " + kind + " stack did not settle", e);
        }
        return stack;
    }

    /** The one shared stack running; a start that failed is not tried again for the next class of its kind. */
    private static final class Current implements ExtensionContext.Store.CloseableResource {
        private Kind kind;
        private RunningStack stack;
        private RuntimeException failed;

        synchronized RunningStack of(Kind wanted) {
            if (kind != wanted) {
                close();
                kind = wanted;
                try {
                    stack = start(wanted);
                } catch (RuntimeException | Error e) {
                    failed = new IllegalStateException("the shared " + wanted + " stack did not start", e);
                    throw e;
                }
            }
            if (failed != null) {
                throw failed;
            }
            return stack;
        }

        @Override
        public synchronized void close() {
            if (stack != null) {
                stack.close();
            }
            stack = null;
            kind = null;
            failed = null;
        }
    }

    private static RunningStack start(Kind kind) {
        try {
            return switch (kind) {
                case PLAIN -> RunningStack.startOnOwnBroker("plain", Map.of(LocalStackProcesses.EVALUATION,
                        Map.of("JIXIAO_RECTIFICATION_SWEEP_INTERVAL", "PT1S")));
                case DEMOS -> withDemos(RunningStack.startOnOwnBroker("demos"));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    /**
     * Classes with a stack of their own first (each closes it before the next starts), then the classes of each
     * {@link Kind} together, by class name within a group.
     */
    public static final class ByStack implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator.comparingInt(ByStack::group)
                    .thenComparing(descriptor -> descriptor.getTestClass().getName()));
        }

        private static int group(ClassDescriptor descriptor) {
            return descriptor.findAnnotation(On.class).map(on -> on.value().ordinal() + 1).orElse(0);
        }
    }
}
