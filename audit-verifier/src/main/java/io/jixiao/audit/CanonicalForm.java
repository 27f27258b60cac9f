package io.jixiao.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The canonical form of a stored event, version 1 ({@value #TAG}), and its hash. The same bytes are built by the
 * database (the trigger {@code jixiao_chain_event}, on insert) and here (on verification); docs/audit.md states
 * them for an auditor who writes their own verifier:
 *
 * <pre>
 * canonical = ASCII "JIXIAO-CHAIN-1"
 *           || F(aggregateId) || F(sequence as decimal ASCII) || F(type) || F(eventId)
 *           || F(payloadType) || F(payloadRevision) || F(timestamp)
 *           || F(metadata bytes) || F(payload bytes) || F(previousHash bytes)
 * F(x)      = 4-byte big-endian length of x || x      (text as UTF-8)
 * F(null)   = FF FF FF FF                             (a null field, distinct from an empty one)
 * hash      = SHA-256(canonical)                      (32 bytes)
 * </pre>
 */
public final class CanonicalForm {
    /** The version tag every canonical form starts with. */
    public static final String TAG = "JIXIAO-CHAIN-1";
    private static final byte[] TAG_BYTES = TAG.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    });

    private CanonicalForm() {
    }

    /** The canonical bytes of an event's content and the previous hash it links to (its own hash is not part). */
    public static byte[] bytes(ChainedEvent e, byte[] previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + length(e.payload()) + length(e.metadata()));
        feed(e, previousHash, out::write);
        return out.toByteArray();
    }

    /** SHA-256 of {@link #bytes} with the event's own stored previous hash. */
    public static byte[] hash(ChainedEvent e) {
        return hash(e, e.previousHash());
    }

    /**
     * SHA-256 of {@link #bytes}, fed to the thread's digest field by field: no canonical byte array is built, so
     * verifying millions of events allocates little more than the text fields' UTF-8 bytes and the 32-byte result.
     */
    public static byte[] hash(ChainedEvent e, byte[] previousHash) {
        MessageDigest digest = SHA256.get();
        feed(e, previousHash, digest::update);
        return digest.digest();
    }

    /** Where the canonical bytes go: a buffer or a digest. */
    private interface Sink {
        void put(byte[] bytes, int offset, int length);
    }

    private static void feed(ChainedEvent e, byte[] previousHash, Sink out) {
        out.put(TAG_BYTES, 0, TAG_BYTES.length);
        field(out, text(e.aggregateId()));
        field(out, text(Long.toString(e.sequence())));
        field(out, text(e.type()));
        field(out, text(e.eventId()));
        field(out, text(e.payloadType()));
        field(out, text(e.payloadRevision()));
        field(out, text(e.timestamp()));
        field(out, e.metadata());
        field(out, e.payload());
        field(out, previousHash);
    }

    public static String hex(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return s.toString();
    }

    public static byte[] unhex(String hex) {
        if (hex == null) {
            return null;
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("not a hex string: " + hex);
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("not a hex string: " + hex);
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    static byte[] text(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }

    static void field(ByteArrayOutputStream out, byte[] value) {
        field(out::write, value);
    }

    private static void field(Sink out, byte[] value) {
        if (value == null) {
            out.put(NULL, 0, NULL.length);
            return;
        }
        int n = value.length;
        out.put(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n}, 0, 4);
        out.put(value, 0, n);
    }
}
