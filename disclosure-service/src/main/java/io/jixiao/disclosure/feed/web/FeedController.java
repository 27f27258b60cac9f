package io.jixiao.disclosure.feed.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.disclosure.feed.FeedCursor;
import io.jixiao.disclosure.web.BadParameter;
import io.jixiao.disclosure.web.HttpRefusal;
import io.jixiao.disclosure.web.Params;
import io.jixiao.events.EventTypes;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.domain.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event feed of a district: the published events (budget.events, evaluation.events) of the district, in each
 * aggregate's order, from an opaque cursor, with long polling. For platforms that do not run a Kafka client
 * (docs/integration.md, "The event feed").
 */
@RestController
@Tag(name = "feed", description = "The published events of a district over HTTP, and webhooks")
public class FeedController {
    /** The roles that read the feed; the gateway's access matrix says the same, this is the service's own check. */
    static final Set<String> READERS = Set.of("INTEGRATION", "FINANCE", "AUDITOR");
    static final int MAX_LIMIT = 1000;

    private final FeedReader reader;
    private final FeedProperties properties;
    private final Semaphore reads;

    public FeedController(FeedReader reader, FeedProperties properties) {
        this.reader = reader;
        this.properties = properties;
        this.reads = new Semaphore(properties.maxConcurrentReads());
    }

    /**
     * @param next the cursor to ask with next time (past every event in {@code events} and every record passed over)
     */
    public record FeedPage(String districtCode, List<JsonNode> events, String next) {
    }

    @GetMapping("/api/feed/districts/{districtCode}/events")
    @Operation(summary = "The district's published events after a cursor (long polling)",
            description = "Events of budget.events and evaluation.events whose metadata names the district, each the "
                    + "envelope as published (eventId, type, aggregateType, aggregateId, sequence, occurredAt, "
                    + "metadata, payload, link), in the order of its aggregate. Without a cursor: from the beginning. "
                    + "Answers as soon as it has an event, or after `wait` seconds with none; `next` is the cursor to "
                    + "resume from (also when no event came). Roles INTEGRATION, FINANCE, AUDITOR of the district.")
    public ResponseEntity<FeedPage> events(
            @PathVariable String districtCode,
            @Parameter(description = "opaque cursor from an earlier answer's `next`; absent = from the beginning")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "comma-separated event types (e.g. BudgetAppropriated,ExpenditureRecorded); "
                    + "absent = every type") @RequestParam(required = false) String types,
            @Parameter(description = "most events in one answer, 1..1000 (default 100)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "seconds to wait for an event when there is none yet, 0..25 (default 0)")
            @RequestParam(required = false) Integer wait) {
        Params.district(districtCode);
        requireReader(districtCode);
        FeedCursor from = cursor(cursor);
        Set<String> typeFilter = types(types);
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new BadParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        long maxWait = properties.maxWait().toSeconds();
        int seconds = wait == null ? 0 : wait;
        if (seconds < 0 || seconds > maxWait) {
            throw new BadParameter("wait", "must be between 0 and " + maxWait + " seconds");
        }
        if (!reads.tryAcquire()) {
            throw new HttpRefusal(HttpStatus.TOO_MANY_REQUESTS, "Too many feed reads", "FEED_BUSY", "wait",
                    "the service is serving as many feed reads as it may; ask again in a second");
        }
        FeedReader.Batch batch;
        try {
            batch = reader.read(from, new FeedReader.Filter(Set.of(districtCode), typeFilter), max,
                    Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cursor", e.getMessage());
        } finally {
            reads.release();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new FeedPage(districtCode,
                batch.events().stream().map(FeedReader.Item::envelope).toList(), batch.next().encode()));
    }

    /** Refuses (403, field {@code districtCode} or {@code role}) a caller who may not read the district's feed. */
    static void requireReader(String districtCode) {
        CallerContext caller = CallerContext.required();
        if (!caller.actsInDistrict(districtCode)) {
            throw new Forbidden("DISTRICT_NOT_PERMITTED", "districtCode",
                    caller.actor() + " may not read district " + districtCode);
        }
        if (READERS.stream().noneMatch(caller::hasRole)) {
            throw new Forbidden("FEED_READERS_ONLY", "role", "only INTEGRATION, FINANCE and AUDITOR read the feed");
        }
    }

    static FeedCursor cursor(String token) {
        try {
            return FeedCursor.decode(token);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cursor", e.getMessage());
        }
    }

    /** The published event types named in {@code list} (comma-separated); empty = every type. */
    static Set<String> types(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : Arrays.stream(list.split(",")).map(String::trim).toList()) {
            if (EventTypes.byName(type).isEmpty()) {
                throw new BadParameter("types", "'" + type + "' is not a published event type "
                        + "(the contract at /api/contract/asyncapi.yaml names them)");
            }
            types.add(type);
        }
        return types;
    }
}
