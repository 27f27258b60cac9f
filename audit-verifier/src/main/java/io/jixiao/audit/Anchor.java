package io.jixiao.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A signed anchor (签名锚点): the heads of a district's hash chains at one moment, folded into one Merkle root
 * ({@link MerkleTree}) and signed with the service's Ed25519 key. A district's anchors form a chain of their own
 * (sequence 0, 1, 2…, each naming the hash of the one before), so one replaced or removed anchor breaks a link.
 * docs/audit.md gives the bytes:
 *
 * <pre>
 * signed    = ASCII "JIXIAO-ANCHOR-1" || F(service) || F(district) || F(sequence as decimal ASCII)
 *          || F(anchoredAt) || F(number of heads as decimal ASCII) || F(root, 32 bytes) || F(keyId)
 *          || F(previousHash, 32 bytes, or null for sequence 0)
 * signature = Ed25519(private key, signed)                     (64 bytes)
 * hash      = SHA-256(signed || F(signature))
 * </pre>
 *
 * @param heads the chain heads it covers, in the Merkle tree's leaf order
 */
public record Anchor(String service, String district, long sequence, String anchoredAt, List<Head> heads,
                     byte[] root, String keyId, byte[] signature, byte[] previousHash, byte[] hash) {
    public static final String TAG = "JIXIAO-ANCHOR-1";

    /** One chain head: the aggregate, the sequence of its last event at the time, and that event's hash. */
    public record Head(String aggregateId, long sequence, byte[] hash) {
    }

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        return signedBytes(service, district, sequence, anchoredAt, heads.size(), root, keyId, previousHash);
    }

    public static byte[] signedBytes(String service, String district, long sequence, String anchoredAt, int heads,
                                     byte[] root, String keyId, byte[] previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(TAG.getBytes(StandardCharsets.US_ASCII));
        CanonicalForm.field(out, CanonicalForm.text(service));
        CanonicalForm.field(out, CanonicalForm.text(district));
        CanonicalForm.field(out, CanonicalForm.text(Long.toString(sequence)));
        CanonicalForm.field(out, CanonicalForm.text(anchoredAt));
        CanonicalForm.field(out, CanonicalForm.text(Integer.toString(heads)));
        CanonicalForm.field(out, root);
        CanonicalForm.field(out, CanonicalForm.text(keyId));
        CanonicalForm.field(out, previousHash);
        return out.toByteArray();
    }

    /** SHA-256 of the signed bytes followed by F(signature): the anchor's own hash, which the next anchor names. */
    public static byte[] hash(byte[] signedBytes, byte[] signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(signedBytes.length + 68);
        out.writeBytes(signedBytes);
        CanonicalForm.field(out, signature);
        return sha256(out.toByteArray());
    }

    /** The hash this anchor's content gives (compare with {@link #hash()}, the stored one). */
    public byte[] computedHash() {
        return hash(signedBytes(), signature);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
