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

    /** {@code java -Xss512k -Xmx<heap>m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ... -jar <jar>}. */
    List<String> command(Path javaExecutable) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.add("-Xss512k");
        command.add("-Xmx" + heapMb + "m");
        command.add("-XX:+UseSerialGC");
        String jit = System.getenv().getOrDefault("JIXIAO_JIT", "c2");
        if (jit.equals("c1")) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.add("-Dfile.encoding=UTF-8");
        String extra = System.getenv("JIXIAO_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
