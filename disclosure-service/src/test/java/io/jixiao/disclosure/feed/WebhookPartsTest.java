package io.jixiao.disclosure.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The signature, the URL rules and the back-off of webhook deliveries. */
class WebhookPartsTest {

    @Test
    void theSignatureIsHexHmacSha256OfTheBody() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        assertThat(WebhookSignature.sign("Jefe", body)).isEqualTo(expected);
        assertThat(WebhookSignature.verifies("Jefe", body, expected)).isTrue();
        assertThat(WebhookSignature.verifies("Jeff", body, expected)).isFalse();
        assertThat(WebhookSignature.verifies("Jefe", "what do ya want for nothing!".getBytes(StandardCharsets.UTF_8),
                expected)).isFalse();
        assertThat(WebhookSignature.verifies("Jefe", body, null)).isFalse();
    }

    @Test
    void secretsAreRandomAndLong() {
        String one = WebhookSignature.newSecret();
        assertThat(one).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(one);
    }

    @Test
    void onlyPlainHttpAndHttpsUrlsAreAccepted() {
        assertThat(WebhookUrl.problem("https://hooks.example.org/jixiao?x=1")).isEmpty();
        assertThat(WebhookUrl.problem("http://10.0.0.5:8080/in")).isEmpty();
        assertThat(WebhookUrl.problem(null)).contains("is required");
        assertThat(WebhookUrl.problem("ftp://example.org/x")).contains("must be an http or https URL");
        assertThat(WebhookUrl.problem("file:///etc/passwd")).contains("must be an http or https URL");
        assertThat(WebhookUrl.problem("https:///path")).isPresent();
        assertThat(WebhookUrl.problem("https://user:pw@example.org/")).contains("must not carry a user name or password");
        assertThat(WebhookUrl.problem("https://example.org/#x")).contains("must not have a fragment");
        assertThat(WebhookUrl.problem("https://example.org/ space")).get().asString().startsWith("is not a URL");
        assertThat(WebhookUrl.problem("https://example.org/" + "a".repeat(2000))).isPresent();
    }

    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertThat(WebhookUrl.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "203.0.113.7", "2001:db8::1"}) {
            assertThat(WebhookUrl.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofSeconds(30));
    }
}
