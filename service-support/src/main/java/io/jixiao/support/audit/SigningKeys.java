package io.jixiao.support.audit;

import io.jixiao.audit.PublicKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's Ed25519 anchor-signing key and the public keys its anchors are checked with. The private key comes
 * from {@code jixiao.audit.signing-key} (PKCS#8, base64; env {@code JIXIAO_AUDIT_SIGNING_KEY}); keys used before are
 * kept verifiable through {@code jixiao.audit.previous-public-keys} (X.509, base64, comma-separated). In local mode
 * without a configured key, one is generated once per database and kept there; outside local mode a missing key
 * refuses the start.
 */
public final class SigningKeys {
    private final PrivateKey privateKey;
    private final String keyId;
    private final PublicKeys publicKeys = new PublicKeys();

    SigningKeys(PrivateKey privateKey, PublicKey publicKey, String previousPublicKeys) {
        this.privateKey = privateKey;
        this.keyId = publicKeys.add(publicKey);
        for (String key : previousPublicKeys == null ? new String[0] : previousPublicKeys.split(",")) {
            if (!key.isBlank()) {
                publicKeys.add(key);
            }
        }
    }

    /** From configuration, or (local mode) the key kept in the database, generated on the first start. */
    public static SigningKeys load(String signingKey, String previousPublicKeys, boolean localMode, JdbcTemplate jdbc) {
        String pkcs8 = signingKey == null ? "" : signingKey.trim();
        if (pkcs8.isEmpty()) {
            if (!localMode) {
                throw new IllegalStateException("The service refuses to start: jixiao.audit.signing-key "
                        + "(JIXIAO_AUDIT_SIGNING_KEY) is empty; set the service's Ed25519 private key (PKCS#8, base64) "
                        + "that signs its audit anchors (docs/operations.md)");
            }
            pkcs8 = localKey(jdbc);
        }
        PrivateKey key = decode(pkcs8);
        return new SigningKeys(key, publicOf(key), previousPublicKeys);
    }

    private static String localKey(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO audit_local_signing_key (id, private_key) VALUES (1, ?) ON CONFLICT DO NOTHING",
                Base64.getEncoder().encodeToString(generate().getPrivate().getEncoded()));
        return jdbc.queryForObject("SELECT private_key FROM audit_local_signing_key WHERE id = 1", String.class);
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(PublicKeys.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 has Ed25519", e);
        }
    }

    static PrivateKey decode(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance(PublicKeys.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("jixiao.audit.signing-key (JIXIAO_AUDIT_SIGNING_KEY) is not a base64 "
                    + "PKCS#8 Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** The public key of an Ed25519 private key: its PKCS#8 encoding (RFC 8410 v2) may omit it, so it is derived. */
    private static PublicKey publicOf(PrivateKey key) {
        try {
            // Java 17 has no API that derives it: the generator, handed the private key's 32-byte seed as its
            // random bytes, rebuilds the same pair; a probe signature proves the pair matches
            byte[] encoded = key.getEncoded();
            byte[] seed = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            KeyPairGenerator generator = KeyPairGenerator.getInstance(PublicKeys.ALGORITHM);
            generator.initialize(255, new FixedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            Signature probe = Signature.getInstance(PublicKeys.ALGORITHM);
            probe.initSign(key);
            probe.update(new byte[] {1});
            byte[] signed = probe.sign();
            Signature check = Signature.getInstance(PublicKeys.ALGORITHM);
            check.initVerify(pair.getPublic());
            check.update(new byte[] {1});
            if (!check.verify(signed)) {
                throw new IllegalStateException("could not derive the public key of jixiao.audit.signing-key");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 has Ed25519", e);
        }
    }

    /** Hands the generator the private key's seed as its "random" bytes. */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(PublicKeys.ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The id of the key that signs new anchors. */
    public String keyId() {
        return keyId;
    }

    /** The current key and every previous one: anchors signed by any of them verify. */
    public PublicKeys publicKeys() {
        return publicKeys;
    }
}
