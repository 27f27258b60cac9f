package io.jixiao.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Merkle tree over a district's chain heads, built as RFC 6962 (section 2.1) builds its Merkle Tree Hash, with
 * domain-separated leaf and node hashes so that a leaf can never pass for a node:
 *
 * <pre>
 * leaves  = the heads ordered by aggregateId, compared as UTF-8 bytes (unsigned), one per aggregate
 * leaf(h) = SHA-256(0x00 || F(aggregateId) || F(sequence as decimal ASCII) || F(hash, 32 bytes))
 * MTH({}) = SHA-256()                                   (no chains: the hash of nothing)
 * MTH({d}) = leaf(d)
 * MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))   k = the largest power of two smaller than n
 * </pre>
 * F is the length-prefixed field of {@link CanonicalForm}.
 */
public final class MerkleTree {
    /** The leaves' order: aggregate ids as unsigned UTF-8 bytes (PostgreSQL's COLLATE "C"). */
    public static final Comparator<Anchor.Head> ORDER = (a, b) -> java.util.Arrays.compareUnsigned(
            a.aggregateId().getBytes(StandardCharsets.UTF_8), b.aggregateId().getBytes(StandardCharsets.UTF_8));

    private MerkleTree() {
    }

    /** The root over {@code heads}, which must already be in {@link #ORDER}. */
    public static byte[] root(List<Anchor.Head> heads) {
        List<byte[]> level = new ArrayList<>(heads.size());
        for (Anchor.Head head : heads) {
            level.add(leaf(head));
        }
        return level.isEmpty() ? Anchor.sha256(new byte[0]) : mth(level, 0, level.size());
    }

    public static byte[] leaf(Anchor.Head head) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(0x00);
        CanonicalForm.field(out, CanonicalForm.text(head.aggregateId()));
        CanonicalForm.field(out, CanonicalForm.text(Long.toString(head.sequence())));
        CanonicalForm.field(out, head.hash());
        return Anchor.sha256(out.toByteArray());
    }

    private static byte[] mth(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        byte[] left = mth(leaves, from, from + k);
        byte[] right = mth(leaves, from + k, to);
        byte[] node = new byte[1 + left.length + right.length];
        node[0] = 0x01;
        System.arraycopy(left, 0, node, 1, left.length);
        System.arraycopy(right, 0, node, 1 + left.length, right.length);
        return Anchor.sha256(node);
    }
}
