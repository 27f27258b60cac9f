package io.jixiao.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.audit.PublicKeys;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The anchor-signing key from configuration: refused when missing outside local mode; old keys stay trusted. */
class SigningKeysTest {

    @Test
    void outsideLocalModeAServiceWithoutASigningKeyDoesNotStart() {
        assertThatThrownBy(() -> SigningKeys.load("", null, false, null))
                .hasMessageContaining("refuses to start").hasMessageContaining("JIXIAO_AUDIT_SIGNING_KEY");
        assertThatThrownBy(() -> SigningKeys.load("bm90IGEga2V5", null, false, null))
                .hasMessageContaining("not a base64 PKCS#8 Ed25519 private key");
    }

    @Test
    void theConfiguredKeySignsUnderItsFingerprintAndEarlierKeysStillVerify() throws Exception {
        KeyPair current = SigningKeys.generate();
        KeyPair earlier = SigningKeys.generate();
        SigningKeys keys = SigningKeys.load(Base64.getEncoder().encodeToString(current.getPrivate().getEncoded()),
                PublicKeys.encode(earlier.getPublic()), false, null);

        assertThat(keys.keyId()).isEqualTo(PublicKeys.keyId(current.getPublic()));
        assertThat(keys.publicKeys().all().keySet()).containsExactly(PublicKeys.keyId(current.getPublic()),
                PublicKeys.keyId(earlier.getPublic()));
        byte[] message = "JIXIAO-ANCHOR-1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(keys.publicKeys().verifies(keys.keyId(), message, keys.sign(message))).isTrue();
        Signature old = Signature.getInstance("Ed25519");
        old.initSign(earlier.getPrivate());
        old.update(message);
        assertThat(keys.publicKeys().verifies(PublicKeys.keyId(earlier.getPublic()), message, old.sign())).isTrue();
        assertThat(keys.publicKeys().verifies(keys.keyId(), message, old.sign())).isFalse();
    }
}
