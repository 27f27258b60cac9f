package io.jixiao.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run one service instance as a child JVM: its jar, HTTP port, heap and environment.
 * Immutable; derive variants (a second instance, another port) with the {@code with...} methods.
 */
public record ServiceSpec(String name, Path jar, int port, int heapMb, Map<String, String> environment) {

    public ServiceSpec {
        environment = Map.copyOf(environment);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public ServiceSpec withName(String newName) {
        return new ServiceSpec(newName, jar, port, heapMb, environment);
    }

    /** The same service on another port ({@code SERVER_PORT} follows). */
    public ServiceSpec withPort(int newPort) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(newPort));
        return new ServiceSpec(name, jar, newPort, heapMb, env);
    }

    public ServiceSpec withHeapMb(int newHeapMb) {
        return new ServiceSpec(name, jar, port, newHeapMb, environment);
    }

    public ServiceSpec withEnvironment(String key, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(key, value);
        return new ServiceSpec(name, jar, port, heapMb, env);
    }

    /**
     * {@code java -Xss512k -Xmx<heap>m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.2 ...
     * -jar <jar>}: C1 only unless {@code JIXIAO_JIT=c2} (decisions 0056, 0057); {@code JIXIAO_SERVICE_JAVA_OPTS} is
     * appended.
     */
    List<String> command(Path javaExecutable) {
        return command(javaExecutable, System.getenv());
    }

    List<String> command(Path javaExecutable, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Xss512k");
        command.add("-Xmx" + heapMb + "m");
        command.add("-XX:+UseSerialGC");
        command.addAll(jitOptions(env.get("JIXIAO_JIT")));
        command.add("-Dfile.encoding=UTF-8");
        String extra = env.get("JIXIAO_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * {@code c1} (the default): C1 only, a method compiled after about 40 calls instead of 200. On the two cores the
     * stack is sized for, five JVMs' C2 compiler threads took the CPU the first loads needed (decision 0056), and the
     * first large import still ran much of its per-line code in the interpreter (decision 0057); {@code c2}: the full
     * tiered compiler at its usual thresholds, for a long-running stack on more cores.
     */
    static List<String> jitOptions(String jit) {
        String choice = jit == null || jit.isBlank() ? "c1" : jit.trim();
        return switch (choice) {
            case "c1" -> List.of("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2");
            case "c2" -> List.of();
            default -> throw new IllegalArgumentException("JIXIAO_JIT is c1 (the default) or c2, not '" + jit + "'");
        };
    }
}
