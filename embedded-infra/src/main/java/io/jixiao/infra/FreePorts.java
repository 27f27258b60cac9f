package io.jixiao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds TCP ports on the loopback interface for servers a test or launcher starts a moment later.
 *
 * <p>Ports are picked <em>below</em> the kernel's ephemeral range. Asking the kernel for port 0 answers a port from
 * that range, and the same range hands out the local ports of outgoing connections: between picking a port and
 * binding it, any JDBC, Kafka or HTTP client connection may take it (CI saw Kafka's controller port taken that way).
 * A port below the range is only ever taken by a server that binds it on purpose.
 */
public final class FreePorts {
    /** Lowest port picked: above the well-known and most registered service ports. */
    static final int LOWEST = 15000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** A port that was free a moment ago, outside the ephemeral range. */
    public static int pick() {
        return pickDistinct(1)[0];
    }

    /**
     * {@code count} different ports that were free a moment ago, outside the ephemeral range. All are held open while
     * picking: picking one at a time may answer the same port twice, and two services of one stack then race for it
     * (the loser fails to start while a health check on that port reaches the winner).
     */
    public static int[] pickDistinct(int count) {
        int highest = ephemeralRangeStart() - 1;
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = highest > LOWEST ? bindBetween(LOWEST, highest) : null;
                if (socket == null) {
                    socket = bind(0);
                }
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no " + count + " free ports on the loopback interface", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }

    /** {@code port} itself, or a freshly picked free port when it is 0. */
    public static int orPick(int port) {
        return port == 0 ? pick() : port;
    }

    /** Whether something already listens on {@code port} of the loopback interface. */
    public static boolean inUse(int port) {
        try (ServerSocket socket = bind(port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The first port the kernel hands to outgoing connections (Linux; elsewhere the IANA default 49152). */
    static int ephemeralRangeStart() {
        try {
            // readString/readAllBytes trust the size procfs reports (0) and answer one byte; lines are read whole
            String range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 49152;
        }
    }

    private static ServerSocket bindBetween(int lowest, int highest) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return bind(random.nextInt(lowest, highest + 1));
            } catch (IOException taken) {
                // try another
            }
        }
        return null;
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
