package io.jixiao.disclosure.feed.web;

import io.jixiao.disclosure.feed.FeedCursor;
import io.jixiao.disclosure.feed.WebhookSignature;
import io.jixiao.disclosure.feed.WebhookUrl;
import io.jixiao.disclosure.web.BadParameter;
import io.jixiao.disclosure.web.Params;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.Forbidden;
import io.jixiao.support.domain.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions of the event feed: an INTEGRATION client registers a URL, districts within its token's and
 * the event types it wants; the {@link WebhookDeliverer} then POSTs each such event to it, signed. A client sees and
 * deletes only the subscriptions it registered (its token's subject).
 */
@RestController
@Tag(name = "feed")
public class WebhookController {
    static final String PATH = "/api/feed/webhooks";
    private static final String INTEGRATION = "INTEGRATION";
    private static final int MAX_DISTRICTS = 100;
    private static final int MAX_PER_OWNER = 100;

    private final WebhookStore store;

    public WebhookController(WebhookStore store) {
        this.store = store;
    }

    /**
     * @param url       where each event is POSTed (http or https)
     * @param districts the districts whose events it receives, each one the token may read
     * @param types     event types it receives; absent or empty = every type
     * @param cursor    a feed cursor to start after; absent = from the beginning of the topics
     */
    public record Register(String url, List<String> districts, List<String> types, String cursor) {
    }

    /** A subscription as its owner sees it (never its secret). */
    public record Webhook(String id, String url, List<String> districts, List<String> types, Instant createdAt,
                          long delivered, int failures, Instant nextAttemptAt, Instant lastAttemptAt,
                          String lastError, String cursor) {
        static Webhook of(WebhookStore.Row row) {
            return new Webhook(row.id(), row.url(), row.districts(), row.types(), row.createdAt(), row.delivered(),
                    row.failures(), row.nextAttemptAt(), row.lastAttemptAt(), row.lastError(), row.cursor().encode());
        }
    }

    /** The answer to a registration: the subscription and its secret, which no later answer repeats. */
    public record Registered(Webhook webhook, String secret) {
    }

    @PostMapping(PATH)
    @Operation(summary = "Register a webhook (INTEGRATION)",
            description = "→ 201 with the subscription and its `secret` (shown here only: each delivery's "
                    + "`Jixiao-Signature` is `sha256=` + hex HMAC-SHA256 of the body with it). The same "
                    + "`Idempotency-Key` and body again → 200 `Idempotent-Replayed: true`, the same subscription; that "
                    + "key with another body → 409. 400 naming `url`, `districts`, `types` or `cursor`; 403 "
                    + "`DISTRICT_NOT_PERMITTED` (field `districts`) for a district outside the token's. Nothing is "
                    + "recorded on a refusal.")
    public ResponseEntity<Registered> register(@RequestBody Register request) {
        CallerContext caller = requireIntegration();
        WebhookUrl.problem(request.url()).ifPresent(problem -> {
            throw new BadParameter("url", problem);
        });
        if (request.districts() == null || request.districts().isEmpty()
                || request.districts().size() > MAX_DISTRICTS) {
            throw new BadParameter("districts", "must name 1 to " + MAX_DISTRICTS + " districts");
        }
        TreeSet<String> districts = new TreeSet<>();
        for (String district : request.districts()) {
            if (district == null || !district.matches(io.jixiao.events.DistrictCode.PATTERN)) {
                throw new BadParameter("districts", "'" + district + "' is not a 6-digit district code");
            }
            if (!caller.actsInDistrict(district)) {
                throw new Forbidden("DISTRICT_NOT_PERMITTED", "districts",
                        caller.actor() + " may not read district " + district);
            }
            districts.add(district);
        }
        TreeSet<String> types = new TreeSet<>(FeedController.types(
                request.types() == null ? null : String.join(",", request.types())));
        FeedCursor cursor = FeedController.cursor(request.cursor());
        String fingerprint = request.url() + "\n" + districts + "\n" + types + "\n" + cursor.encode();
        String key = caller.requestId();
        if (key != null) {
            var earlier = store.byRequestKey(caller.actor(), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        if (store.byOwner(caller.actor(), MAX_PER_OWNER).size() >= MAX_PER_OWNER) {
            throw new Conflict("TOO_MANY_WEBHOOKS", "a client keeps at most " + MAX_PER_OWNER + " webhooks");
        }
        Instant now = Instant.now();
        WebhookStore.Row row = new WebhookStore.Row(UUID.randomUUID().toString(), caller.actor(), request.url(),
                List.copyOf(districts), List.copyOf(types), WebhookSignature.newSecret(), key, fingerprint, cursor,
                now, 0, 0, now, null, null);
        if (!store.insert(row)) {
            return replay(store.byRequestKey(caller.actor(), key).orElseThrow(), fingerprint);
        }
        return ResponseEntity.created(URI.create(PATH + "/" + row.id()))
                .body(new Registered(Webhook.of(row), row.secret()));
    }

    private static ResponseEntity<Registered> replay(WebhookStore.Row earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new Conflict("IDEMPOTENCY_KEY_REUSED",
                    "this Idempotency-Key registered another webhook (" + earlier.id() + ")");
        }
        return ResponseEntity.ok().header("Idempotent-Replayed", "true")
                .body(new Registered(Webhook.of(earlier), earlier.secret()));
    }

    @GetMapping(PATH)
    @Operation(summary = "The caller's webhooks (INTEGRATION)",
            description = "Each with its delivery state: events delivered, failures in a row, the next attempt, the "
                    + "last error and the cursor after the last acknowledged event. Never the secret.")
    public List<Webhook> list() {
        CallerContext caller = requireIntegration();
        return store.byOwner(caller.actor(), MAX_PER_OWNER).stream().map(Webhook::of).toList();
    }

    @GetMapping(PATH + "/{webhookId}")
    @Operation(summary = "One of the caller's webhooks (INTEGRATION)",
            description = "403 `OWN_WEBHOOK_ONLY` for another client's; 404 for none.")
    public Webhook one(@PathVariable String webhookId) {
        return Webhook.of(own(webhookId));
    }

    @DeleteMapping(PATH + "/{webhookId}")
    @Operation(summary = "Delete one of the caller's webhooks (INTEGRATION)",
            description = "→ 204; deliveries stop. 403 `OWN_WEBHOOK_ONLY` for another client's; 404 for none.")
    public ResponseEntity<Void> delete(@PathVariable String webhookId) {
        store.delete(own(webhookId).id());
        return ResponseEntity.noContent().build();
    }

    private WebhookStore.Row own(String webhookId) {
        CallerContext caller = requireIntegration();
        Params.id("webhookId", webhookId);
        WebhookStore.Row row = store.byId(webhookId)
                .orElseThrow(() -> new NotFound("webhookId", "no webhook " + webhookId));
        if (!row.owner().equals(caller.actor())) {
            throw new Forbidden("OWN_WEBHOOK_ONLY", "webhookId", "webhook " + webhookId + " is another client's");
        }
        return row;
    }

    private static CallerContext requireIntegration() {
        CallerContext caller = CallerContext.required();
        if (!caller.hasRole(INTEGRATION)) {
            throw new Forbidden("INTEGRATION_ONLY", "role", "only an INTEGRATION client keeps webhooks");
        }
        return caller;
    }
}
