package io.jixiao.support.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Paging of every list endpoint that can grow without bound, the same in every service: {@code limit} (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}; anything else is a 400 problem naming {@code limit}) and
 * {@code after}, the cursor of the last item of the previous page (a sequence number or an id, whatever the list
 * is ordered by). When there is more, the answer carries {@code Link: <path?…&after=…&limit=…>; rel="next"}
 * (RFC 8288, a reference relative to the host the client called, so it works through the gateway); the last page
 * has no such link. The body keeps its shape: a client that reads only the first page sees what it saw before
 * for a list shorter than a page.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 5000;
    public static final String LIMIT = "limit";
    public static final String AFTER = "after";
    /** The parameters' description, for OpenAPI annotations. */
    public static final String LIMIT_DOC = "items per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT
            + "); the next page's address is in the Link header (rel=\"next\"), absent on the last page";
    public static final String AFTER_DOC = "cursor: the position of the last item of the previous page (taken from "
            + "the Link header's rel=\"next\" address); absent = from the start";

    private Paging() {
    }

    /** A page asked for: how many items at most, after which cursor (null = from the start). */
    public record PageRequest(int limit, String after) {
        /** The cursor as a number (a sequence number or a row id), or {@code -1} from the start. */
        public long afterNumber() {
            if (after == null) {
                return -1;
            }
            try {
                long n = Long.parseLong(after);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new BadParameter(AFTER, "must be a number of 0 or more (the cursor of a previous page)");
            }
        }
    }

    /** One page of items and the cursor of the next page (null when this is the last). */
    public record Page<T>(List<T> items, String next) {
    }

    /** A refused query parameter: answered 400 problem+json naming it (see {@link ProblemAdvice}). */
    public static final class BadParameter extends RuntimeException {
        private final String field;

        public BadParameter(String field, String message) {
            super(field + " " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** Checks {@code limit} and {@code after} as the request gave them (either may be absent). */
    public static PageRequest request(Integer limit, String after) {
        int checked = limit == null ? DEFAULT_LIMIT : limit;
        if (checked < 1 || checked > MAX_LIMIT) {
            throw new BadParameter(LIMIT, "must be between 1 and " + MAX_LIMIT);
        }
        if (after != null && (after.isBlank() || after.length() > 200)) {
            throw new BadParameter(AFTER, "must be the cursor of a previous page");
        }
        return new PageRequest(checked, after);
    }

    /**
     * The page of {@code fetched}, which holds the items after the cursor in order, read with one more than the
     * limit (so a full page tells whether there is a next one without a count).
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request, Function<T, ?> cursor) {
        if (fetched.size() <= request.limit()) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, request.limit()));
        return new Page<>(items, String.valueOf(cursor.apply(items.get(items.size() - 1))));
    }

    /**
     * The page of a list read whole, in a stable order, whose items each have a distinct cursor (an id): the items
     * after the one whose cursor is {@code request.after()}. An unknown cursor is a 400 naming {@code after}.
     */
    public static <T> Page<T> slice(List<T> ordered, PageRequest request, Function<T, String> cursor) {
        int from = 0;
        if (request.after() != null) {
            from = -1;
            for (int i = 0; i < ordered.size(); i++) {
                if (request.after().equals(cursor.apply(ordered.get(i)))) {
                    from = i + 1;
                    break;
                }
            }
            if (from < 0) {
                throw new BadParameter(AFTER, "names no item of this list (take it from the Link header)");
            }
        }
        return of(ordered.subList(from, Math.min(ordered.size(), from + request.limit() + 1)), request, cursor);
    }

    /** Headers announcing the next page of the current request (none on the last page). */
    public static HttpHeaders headers(Page<?> page, PageRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (page.next() != null) {
            headers.add(HttpHeaders.LINK, "<" + nextPath(page.next(), request.limit()) + ">; rel=\"next\"");
        }
        return headers;
    }

    /** The current request's path and query with {@code after} and {@code limit} set for the next page. */
    static String nextPath(String next, int limit) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        String query = request.getQueryString();
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(request.getRequestURI()
                + (query == null || query.isEmpty() ? "" : "?" + query));
        uri.replaceQueryParam(AFTER, UriUtils.encodeQueryParam(next, StandardCharsets.UTF_8))
                .replaceQueryParam(LIMIT, limit);
        try {
            return uri.build(true).toUriString();
        } catch (IllegalArgumentException notEncoded) {
            // a client sent characters a URI may not hold unencoded: encode the whole query for it
            return UriComponentsBuilder.fromPath(request.getRequestURI()).query(UriUtils.decode(query,
                    StandardCharsets.UTF_8)).replaceQueryParam(AFTER, next).replaceQueryParam(LIMIT, limit)
                    .encode().build().toUriString();
        }
    }
}
