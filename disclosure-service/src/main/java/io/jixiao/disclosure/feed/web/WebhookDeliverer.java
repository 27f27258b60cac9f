package io.jixiao.disclosure.feed.web;

import io.jixiao.disclosure.feed.Backoff;
import io.jixiao.disclosure.feed.FeedCursor;
import io.jixiao.disclosure.feed.WebhookSignature;
import io.jixiao.disclosure.feed.WebhookUrl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers each subscription's events: reads the feed from the subscription's stored cursor (its districts and
 * types), POSTs each event as published, one request per event in feed order, and stores the cursor after an event
 * only once the receiver answered 2xx. A failure (no connection, timeout, another status, an address it may not
 * reach) leaves the cursor where it is and waits the {@link Backoff} before the same event is tried again: nothing is
 * skipped, so every event arrives at least once and one aggregate's events in their order.
 *
 * <p>Subscriptions are leased in PostgreSQL ({@link WebhookStore#leaseDue}), so several instances share them and
 * never deliver one subscription at once.
 */
public class WebhookDeliverer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final int LEASED_PER_ROUND = 8;
    static final int WORKERS = 2;
    public static final String EVENT_ID = "Jixiao-Event-Id";
    public static final String EVENT_TYPE = "Jixiao-Event-Type";
    public static final String SIGNATURE = "Jixiao-Signature";
    public static final String TIMESTAMP = "Jixiao-Timestamp";
    public static final String WEBHOOK_ID = "Jixiao-Webhook-Id";

    private final WebhookStore store;
    private final FeedReader reader;
    private final FeedProperties properties;
    private final Backoff backoff;
    private final Duration lease;
    private final HttpClient http;
    private final Set<String> running = new HashSet<>();
    private ScheduledExecutorService clock;
    private ExecutorService workers;

    public WebhookDeliverer(WebhookStore store, FeedReader reader, FeedProperties properties) {
        this.store = store;
        this.reader = reader;
        this.properties = properties;
        this.backoff = new Backoff(properties.retryFirst(), properties.retryCap());
        this.lease = properties.deliveryTimeout().multipliedBy(3).plus(Duration.ofMinutes(1));
        this.http = HttpClient.newBuilder().connectTimeout(properties.deliveryTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized void start() {
        clock = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "webhook-clock"));
        workers = Executors.newFixedThreadPool(WORKERS, r -> new Thread(r, "webhook-delivery"));
        long every = properties.deliveryInterval().toMillis();
        clock.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (clock == null) {
            return;
        }
        clock.shutdownNow();
        workers.shutdownNow();
        clock = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return clock != null;
    }

    private void round() {
        try {
            for (WebhookStore.Row row : store.leaseDue(LEASED_PER_ROUND, lease)) {
                synchronized (running) {
                    if (!running.add(row.id())) {
                        continue;
                    }
                }
                workers.execute(() -> {
                    try {
                        deliver(row);
                    } catch (RuntimeException e) {
                        log.warn("webhook {}: delivery round failed", row.id(), e);
                        store.failed(row.id(), row.failures() + 1, "delivery round failed: " + e.getMessage(),
                                backoff.after(row.failures() + 1));
                    } finally {
                        synchronized (running) {
                            running.remove(row.id());
                        }
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("webhook deliveries could not be leased", e);
        }
    }

    /** One round of one subscription: the events after its cursor, in order, until one fails. */
    void deliver(WebhookStore.Row row) {
        FeedReader.Batch batch = reader.read(row.cursor(), new FeedReader.Filter(Set.copyOf(row.districts()),
                Set.copyOf(row.types())), properties.deliveryBatch(), Duration.ZERO);
        for (FeedReader.Item event : batch.events()) {
            String error = post(row, event);
            if (error != null) {
                int failures = row.failures() + 1;
                store.failed(row.id(), failures, error, backoff.after(failures));
                log.info("webhook {}: event {} not delivered ({}), next attempt in {}", row.id(), event.eventId(),
                        error, backoff.after(failures));
                return;
            }
            if (!store.delivered(row.id(), event.after(), 1, lease)) {
                return;   // deleted meanwhile
            }
            row = new WebhookStore.Row(row.id(), row.owner(), row.url(), row.districts(), row.types(), row.secret(),
                    row.requestKey(), row.fingerprint(), event.after(), row.createdAt(), row.delivered() + 1, 0,
                    row.nextAttemptAt(), Instant.now(), null);
        }
        FeedCursor next = batch.next();
        if (store.delivered(row.id(), next, 0, lease)) {
            // a full batch means more are waiting: the next round at once; otherwise after the interval
            store.release(row.id(), batch.events().size() >= properties.deliveryBatch() ? Duration.ZERO
                    : properties.deliveryInterval());
        }
    }

    /** POSTs one event; null when the receiver answered 2xx, otherwise what went wrong. */
    private String post(WebhookStore.Row row, FeedReader.Item event) {
        URI uri = URI.create(row.url());
        if (!properties.allowInternalAddresses()) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (WebhookUrl.isInternal(address)) {
                        return "the URL's host resolves to an internal address (" + address.getHostAddress()
                                + "); deliveries go to public addresses only";
                    }
                }
            } catch (UnknownHostException e) {
                return "unknown host " + uri.getHost();
            }
        }
        byte[] body = event.published().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.deliveryTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "jixiao-webhook")
                .header(WEBHOOK_ID, row.id())
                .header(EVENT_ID, event.eventId())
                .header(EVENT_TYPE, event.type())
                .header(TIMESTAMP, Long.toString(Instant.now().getEpochSecond()))
                .header(SIGNATURE, WebhookSignature.sign(row.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
