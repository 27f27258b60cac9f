package io.jixiao.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Ed25519 public keys that anchors are checked with, by key id. A key id is the lowercase hex SHA-256 of the
 * key's X.509 SubjectPublicKeyInfo encoding (DER, 44 bytes for Ed25519), so anyone holding a key computes its id.
 */
public final class PublicKeys {
    public static final String ALGORITHM = "Ed25519";
    private final Map<String, PublicKey> byId = new LinkedHashMap<>();

    /** Adds a key given as base64 of its X.509 encoding; answers its key id. */
    public String add(String x509Base64) {
        PublicKey key = decode(x509Base64);
        String id = keyId(key);
        byId.put(id, key);
        return id;
    }

    public String add(PublicKey key) {
        String id = keyId(key);
        byId.put(id, key);
        return id;
    }

    public Map<String, PublicKey> all() {
        return java.util.Collections.unmodifiableMap(byId);
    }

    public boolean knows(String keyId) {
        return byId.containsKey(keyId);
    }

    /** True when {@code signature} is the Ed25519 signature of {@code message} by the key {@code keyId}. */
    public boolean verifies(String keyId, byte[] message, byte[] signature) {
        PublicKey key = byId.get(keyId);
        if (key == null || signature == null) {
            return false;
        }
        try {
            Signature check = Signature.getInstance(ALGORITHM);
            check.initVerify(key);
            check.update(message);
            return check.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String keyId(PublicKey key) {
        return CanonicalForm.hex(Anchor.sha256(key.getEncoded()));
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PublicKey decode(String x509Base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509Base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 public key: " + e.getMessage(), e);
        }
    }
}
