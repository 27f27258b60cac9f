package io.jixiao.support.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shares the segments of the service's tracking processors between its live instances (Axon 4 does not rebalance
 * them by itself). Every {@code heartbeat} this instance writes its row in {@code cluster_instance}; the instances
 * whose row is younger than {@code expiry} are live; for each running streaming processor it releases, for
 * {@code releaseFor}, the segments it holds above its fair share ({@link SegmentShares}), and another instance's
 * free thread claims them. A dead instance's row expires and its claims time out (the token store's claim timeout):
 * then the survivors' shares grow and their free threads claim the orphaned segments. {@code expiry} must be shorter
 * than the claim timeout, or a survivor that just took a dead instance's segments over would hand them back to it.
 */
public final class SegmentBalancer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** How often this instance announces itself and rebalances, and when a silent instance stops counting. */
    public record Settings(String instanceId, Duration heartbeat, Duration expiry, Duration releaseFor) {
        public Settings {
            if (instanceId == null || instanceId.isBlank()) {
                throw new IllegalArgumentException("jixiao.instance-id must not be blank");
            }
            if (expiry.compareTo(heartbeat.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("jixiao.cluster.instance-expiry (" + expiry
                        + ") must be at least two heartbeats (" + heartbeat + ")");
            }
        }

        /** Refuses an expiry that is not shorter than the token store's claim timeout (see the class comment). */
        public Settings within(Duration claimTimeout) {
            if (expiry.compareTo(claimTimeout) >= 0) {
                throw new IllegalArgumentException("jixiao.cluster.instance-expiry (" + expiry + ") must be shorter "
                        + "than axon.eventhandling.tokenstore.claim-timeout (" + claimTimeout + ")");
            }
            return this;
        }
    }

    /** The segments of one processor this instance holds, of how many, with the share it keeps. */
    public record Holding(String processor, List<Integer> segments, int segmentCount, int share) {
    }

    private final JdbcTemplate jdbc;
    private final Supplier<Map<String, EventProcessor>> processors;
    private final Settings settings;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "segment-balancer");
        thread.setDaemon(true);
        return thread;
    });

    public SegmentBalancer(JdbcTemplate jdbc, Supplier<Map<String, EventProcessor>> processors, Settings settings) {
        this.jdbc = jdbc;
        this.processors = processors;
        this.settings = settings;
    }

    public String instanceId() {
        return settings.instanceId();
    }

    /** Announces this instance now and then balances every heartbeat. */
    public SegmentBalancer start() {
        long millis = settings.heartbeat().toMillis();
        schedule.scheduleWithFixedDelay(this::tick, 0, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the database may be away for a moment: the claims of the token store decide, the next beat retries
            log.warn("segment balancing skipped: {}", e.toString());
        }
    }

    /** One heartbeat: announce, count the live instances, release what is above the fair share. */
    public List<Holding> balance() {
        jdbc.update("INSERT INTO cluster_instance (instance_id, heartbeat_at) VALUES (?, now()) "
                + "ON CONFLICT (instance_id) DO UPDATE SET heartbeat_at = now()", settings.instanceId());
        int live = liveInstances();
        List<Holding> holdings = new ArrayList<>();
        streaming().forEach((name, processor) -> {
            Holding holding = holding(name, processor, live);
            List<Integer> release = SegmentShares.toRelease(holding.segments(), holding.share());
            for (int segment : release) {
                log.info("{}: releasing segment {} of {} (holds {}, fair share {} among {} live instances)", name,
                        segment, holding.segmentCount(), holding.segments().size(), holding.share(), live);
                processor.releaseSegment(segment, settings.releaseFor().toMillis(), TimeUnit.MILLISECONDS);
            }
            holdings.add(holding);
        });
        return holdings;
    }

    /** What this instance holds now, per running streaming processor (the admin view). */
    public List<Holding> holdings() {
        int live = liveInstances();
        List<Holding> holdings = new ArrayList<>();
        streaming().forEach((name, processor) -> holdings.add(holding(name, processor, live)));
        return holdings;
    }

    /** Instances whose heartbeat is younger than the expiry, this one included once it has beaten. */
    public int liveInstances() {
        Integer live = jdbc.queryForObject("SELECT count(*) FROM cluster_instance "
                + "WHERE heartbeat_at > now() - make_interval(secs => ?)", Integer.class,
                settings.expiry().toMillis() / 1000.0);
        return live == null ? 0 : live;
    }

    private Holding holding(String name, StreamingEventProcessor processor, int live) {
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?",
                Integer.class, name);
        int count = segments == null ? 0 : segments;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        return new Holding(name, held, count, SegmentShares.fairShare(count, live));
    }

    private Map<String, StreamingEventProcessor> streaming() {
        Map<String, StreamingEventProcessor> streaming = new java.util.TreeMap<>();
        processors.get().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor s && processor.isRunning()) {
                streaming.put(name, s);
            }
        });
        return streaming;
    }

    /** Stops balancing and withdraws this instance at once, so that the others' shares grow without waiting. */
    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
            jdbc.update("DELETE FROM cluster_instance WHERE instance_id = ?", settings.instanceId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not withdraw instance {}: {}", settings.instanceId(), e.toString());
        }
    }
}
