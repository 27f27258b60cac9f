package io.jixiao.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks a district's signed anchors, then that the chains as they stand contain every head the anchors signed.
 * First {@link #checkAnchors} (in sequence order), per anchor:
 * <ol>
 *   <li>{@code anchor.sequence}: 0 for the first, otherwise the previous anchor's + 1;</li>
 *   <li>{@code anchor.previousHash}: null for the first, otherwise the previous anchor's hash;</li>
 *   <li>{@code anchor.root}: the Merkle root of its heads ({@link MerkleTree}) equals the root it states;</li>
 *   <li>{@code anchor.keyId}: the key is one of the known public keys;</li>
 *   <li>{@code anchor.signature}: the Ed25519 signature over its signed bytes holds;</li>
 *   <li>{@code anchor.hash}: its hash is SHA-256 of its signed bytes and signature.</li>
 * </ol>
 * Then, while the chains are read ({@link #accept}), each anchored head in scope must be the stored event at that
 * sequence with that hash ({@code anchor.head}), and, at {@link #finish}, must have been met at all (an anchored
 * event removed from the end of its chain).
 */
public final class AnchorVerifier {
    private final PublicKeys keys;
    private final Predicate<String> inScope;
    private final Map<String, Map<Long, Expected>> expected = new HashMap<>();
    private long anchors;
    private BrokenLink broken;

    private record Expected(Anchor anchor, byte[] hash) {
    }

    /** {@code inScope}: the aggregates whose heads this check must find (a project's export holds only its own). */
    public AnchorVerifier(PublicKeys keys, Predicate<String> inScope) {
        this.keys = keys;
        this.inScope = inScope;
    }

    /** Checks the anchors themselves; false at the first that does not hold. */
    public boolean checkAnchors(List<Anchor> list) {
        Anchor before = null;
        for (Anchor a : list) {
            anchors++;
            long expectedSequence = before == null ? 0 : before.sequence() + 1;
            byte[] expectedPrevious = before == null ? null : before.hash();
            byte[] root = MerkleTree.root(a.heads());
            if (a.sequence() != expectedSequence) {
                return fail(a, "anchor.sequence", Long.toString(expectedSequence), Long.toString(a.sequence()),
                        "an anchor is missing or repeated (removed or inserted)");
            }
            if (!Arrays.equals(expectedPrevious, a.previousHash())) {
                return fail(a, "anchor.previousHash", CanonicalForm.hex(expectedPrevious), CanonicalForm.hex(a.previousHash()),
                        "the anchor does not link to the anchor before it (replaced, removed or inserted)");
            }
            if (!Arrays.equals(root, a.root())) {
                return fail(a, "anchor.root", CanonicalForm.hex(root), CanonicalForm.hex(a.root()),
                        "the heads the anchor lists do not give the root it states: the anchor was altered");
            }
            if (!keys.knows(a.keyId())) {
                return fail(a, "anchor.keyId", "one of " + keys.all().keySet(), a.keyId(),
                        "the anchor names a key that is not among the published public keys");
            }
            if (!keys.verifies(a.keyId(), a.signedBytes(), a.signature())) {
                return fail(a, "anchor.signature", "a valid Ed25519 signature by " + a.keyId(),
                        CanonicalForm.hex(a.signature()), "the signature does not hold: the anchor was altered or forged");
            }
            byte[] hash = a.computedHash();
            if (!Arrays.equals(hash, a.hash())) {
                return fail(a, "anchor.hash", CanonicalForm.hex(hash), CanonicalForm.hex(a.hash()),
                        "the anchor's stored hash is not the hash of its content");
            }
            for (Anchor.Head head : a.heads()) {
                if (inScope.test(head.aggregateId())) {
                    expected.computeIfAbsent(head.aggregateId(), k -> new HashMap<>())
                            .putIfAbsent(head.sequence(), new Expected(a, head.hash()));
                }
            }
            before = a;
        }
        return true;
    }

    /** Checks an event of the chains (after its own link held) against the anchored heads. */
    public boolean accept(ChainedEvent e) {
        if (broken != null) {
            return false;
        }
        broken = headMismatch(e);
        return broken == null;
    }

    /**
     * The {@code anchor.head} failure at {@code e}, if the event is an anchored head that differs from what the anchor
     * signed, without recording it: for a caller that checks chains in parallel and picks the first failure itself.
     * Safe from several threads after {@link #checkAnchors} as long as each aggregate is checked by one thread only.
     */
    public BrokenLink headMismatch(ChainedEvent e) {
        Map<Long, Expected> ofAggregate = expected.get(e.aggregateId());
        Expected wanted = ofAggregate == null ? null : ofAggregate.remove(e.sequence());
        if (wanted != null && !Arrays.equals(wanted.hash(), e.hash())) {
            return link(wanted.anchor(), "anchor.head", e.aggregateId() + "@" + e.sequence() + "/"
                    + CanonicalForm.hex(wanted.hash()), e.aggregateId() + "@" + e.sequence() + "/"
                    + CanonicalForm.hex(e.hash()), "the stored event differs from the head the anchor signed: the chain "
                    + "was rewritten (every hash recomputed) after the anchor");
        }
        return null;
    }

    /** After every event was read: an anchored head never met was removed. */
    public Optional<BrokenLink> finish() {
        if (broken == null) {
            List<String> missing = new ArrayList<>();
            expected.forEach((aggregate, heads) -> heads.forEach((sequence, wanted) -> {
                if (missing.isEmpty()) {
                    fail(wanted.anchor(), "anchor.head", aggregate + "@" + sequence + "/" + CanonicalForm.hex(wanted.hash()),
                            null, "the anchored event is no longer stored: events were removed from the end of the chain");
                    missing.add(aggregate);
                }
            }));
        }
        return Optional.ofNullable(broken);
    }

    public Optional<BrokenLink> firstBroken() {
        return Optional.ofNullable(broken);
    }

    public long anchors() {
        return anchors;
    }

    private boolean fail(Anchor a, String field, String expectedValue, String found, String explanation) {
        broken = link(a, field, expectedValue, found, explanation);
        return false;
    }

    private static BrokenLink link(Anchor a, String field, String expectedValue, String found, String explanation) {
        return new BrokenLink("anchor:" + a.district(), a.sequence(), null, -1, null, field, expectedValue, found,
                explanation);
    }
}
