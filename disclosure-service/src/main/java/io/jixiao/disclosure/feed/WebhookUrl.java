package io.jixiao.disclosure.feed;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of a webhook's URL: absolute {@code http} or {@code https}, a host, no user information, no fragment, at
 * most 2,000 characters. Where deliveries go is also checked against the address the host resolves to at each
 * delivery ({@link #isInternal}): loopback, link-local, site-local, wildcard and multicast addresses are refused
 * unless the deployment allows them (a development machine, the tests), so a token cannot point the service at its
 * own network.
 */
public final class WebhookUrl {
    public static final int MAX_LENGTH = 2000;

    private WebhookUrl() {
    }

    /** What is wrong with {@code url}, or empty when it is acceptable. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return Optional.empty();
    }

    /** Whether a delivery to {@code address} would reach the deployment's own network rather than a platform. */
    public static boolean isInternal(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || isUniqueLocalIpv6(address);
    }

    /** fc00::/7, IPv6's private range, which {@link InetAddress#isSiteLocalAddress} does not cover. */
    private static boolean isUniqueLocalIpv6(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xFE) == 0xFC;
    }
}
