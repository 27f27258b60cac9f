package io.jixiao.disclosure.feed.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jixiao.feed.*}: the event feed and the webhook deliveries.
 *
 * @param maxWait                longest long poll a feed request may ask for (below the gateway's response timeout)
 * @param maxConcurrentReads     feed reads served at once; more are answered 429 {@code FEED_BUSY}
 * @param catchUp                how long one read may go on through records the caller may not see
 * @param retryFirst             a webhook's wait after its first failed delivery, doubled per further failure
 * @param retryCap               the longest wait between two delivery attempts
 * @param deliveryInterval       how often the deliverer looks for subscriptions with events due
 * @param deliveryTimeout        connect and response timeout of one delivery
 * @param deliveryBatch          events read per subscription per round (delivered one request per event)
 * @param allowInternalAddresses deliver to loopback and private addresses (a development machine, the tests)
 *
 * <p>{@code jixiao.feed.delivery-enabled=false} leaves the deliverer out (subscriptions are kept, nothing is sent).
 */
@ConfigurationProperties("jixiao.feed")
public record FeedProperties(Duration maxWait, Integer maxConcurrentReads, Duration catchUp, Duration retryFirst,
                             Duration retryCap, Duration deliveryInterval, Duration deliveryTimeout,
                             Integer deliveryBatch, Boolean allowInternalAddresses) {
    public FeedProperties {
        maxWait = maxWait == null ? Duration.ofSeconds(25) : maxWait;
        maxConcurrentReads = maxConcurrentReads == null ? 16 : maxConcurrentReads;
        catchUp = catchUp == null ? Duration.ofSeconds(5) : catchUp;
        retryFirst = retryFirst == null ? Duration.ofSeconds(1) : retryFirst;
        retryCap = retryCap == null ? Duration.ofSeconds(30) : retryCap;
        deliveryInterval = deliveryInterval == null ? Duration.ofSeconds(1) : deliveryInterval;
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(10) : deliveryTimeout;
        deliveryBatch = deliveryBatch == null ? 100 : deliveryBatch;
        allowInternalAddresses = allowInternalAddresses != null && allowInternalAddresses;
    }
}
