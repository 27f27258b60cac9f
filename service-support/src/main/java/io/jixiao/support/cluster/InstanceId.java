package io.jixiao.support.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;

/**
 * The name of this instance of a service: {@code jixiao.instance-id} ({@code JIXIAO_INSTANCE_ID}), by default
 * {@code host:port}. It answers every request in the {@link #HEADER} header, owns this instance's token claims
 * ({@code tokenentry.owner}) and its heartbeat row ({@code cluster_instance}).
 */
public record InstanceId(String value) {
    public static final String HEADER = "X-Jixiao-Instance";

    public static InstanceId of(Environment environment) {
        String configured = environment.getProperty("jixiao.instance-id", "").strip();
        if (!configured.isEmpty()) {
            return new InstanceId(configured);
        }
        int port = environment.getProperty("server.port", Integer.class, 8080);
        // a random port (tests) is not known yet: the process id and a random part keep two contexts apart
        String suffix = port > 0 ? Integer.toString(port)
                : ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return new InstanceId(host() + ":" + suffix);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
