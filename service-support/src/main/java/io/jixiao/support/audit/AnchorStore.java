package io.jixiao.support.audit;

import io.jixiao.audit.Anchor;
import io.jixiao.audit.CanonicalForm;
import io.jixiao.audit.MerkleTree;
import io.jixiao.events.DistrictCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and reads a district's signed anchors (table {@code audit_anchor}): the heads of every chain of the
 * district at one moment, their Merkle root, the service's Ed25519 signature, chained to the district's previous
 * anchor. An anchor is made in one transaction holding the district's advisory lock, so two never take the same
 * sequence.
 */
public class AnchorStore {
    /** The district's aggregates: the same pattern as {@link AuditStore#district}. */
    private static final String HEADS = "SELECT DISTINCT ON (aggregateidentifier COLLATE \"C\") aggregateidentifier, "
            + "sequencenumber, hash FROM domainevententry WHERE aggregateidentifier ~ ? "
            + "ORDER BY aggregateidentifier COLLATE \"C\", sequencenumber DESC";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SigningKeys keys;
    private final String service;
    private final Clock clock;

    public AnchorStore(JdbcTemplate jdbc, TransactionTemplate tx, SigningKeys keys, String service, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.keys = keys;
        this.service = service;
        this.clock = clock;
    }

    public SigningKeys keys() {
        return keys;
    }

    /**
     * Signs the district's chain heads as they stand now; answers the new anchor, or, for a {@code requestId} (the
     * client's Idempotency-Key) already used in the district, the anchor that request made.
     */
    public Anchor anchor(String district, String requestId) {
        check(district);
        return tx.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext('audit_anchor:' || ?))", district);
            if (requestId != null) {
                List<Anchor> made = select("district = ? AND request_id = ?", district, requestId);
                if (!made.isEmpty()) {
                    return made.get(0);
                }
            }
            List<Anchor.Head> heads = jdbc.query(HEADS, (rs, i) -> new Anchor.Head(rs.getString(1), rs.getLong(2),
                    rs.getBytes(3)), AuditStore.districtPattern(district));
            heads.sort(MerkleTree.ORDER);
            List<Anchor> last = jdbc.query("SELECT sequence, hash FROM audit_anchor WHERE district = ? "
                    + "ORDER BY sequence DESC LIMIT 1", (rs, i) -> new Anchor(service, district, rs.getLong(1), null,
                    List.of(), null, null, null, null, rs.getBytes(2)), district);
            long sequence = last.isEmpty() ? 0 : last.get(0).sequence() + 1;
            byte[] previous = last.isEmpty() ? null : last.get(0).hash();
            String at = Instant.now(clock).toString();
            byte[] root = MerkleTree.root(heads);
            byte[] signed = Anchor.signedBytes(service, district, sequence, at, heads.size(), root, keys.keyId(), previous);
            byte[] signature = keys.sign(signed);
            Anchor anchor = new Anchor(service, district, sequence, at, heads, root, keys.keyId(), signature, previous,
                    Anchor.hash(signed, signature));
            jdbc.update("INSERT INTO audit_anchor (district, sequence, service, anchored_at, heads, root, key_id, "
                            + "signature, previous_hash, hash, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    district, sequence, service, at, headsText(heads), root, keys.keyId(), signature, previous,
                    anchor.hash(), requestId);
            return anchor;
        });
    }

    /** The district's anchors in sequence order. */
    public List<Anchor> anchors(String district) {
        check(district);
        return select("district = ? ORDER BY sequence", district);
    }

    private List<Anchor> select(String where, Object... args) {
        return jdbc.query("SELECT service, district, sequence, anchored_at, heads, root, key_id, signature, "
                        + "previous_hash, hash FROM audit_anchor WHERE " + where,
                (rs, i) -> new Anchor(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        headsOf(rs.getString(5)), rs.getBytes(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9),
                        rs.getBytes(10)), args);
    }

    /** The districts that have events: those the periodic anchoring signs. */
    public List<String> districts() {
        return jdbc.queryForList("SELECT DISTINCT substring(aggregateidentifier from '^[a-z-]+:([0-9]{6})') AS d "
                + "FROM domainevententry WHERE aggregateidentifier ~ '^[a-z-]+:[0-9]{6}(:|$)' ORDER BY d", String.class);
    }

    public static String headsText(List<Anchor.Head> heads) {
        StringBuilder s = new StringBuilder();
        for (Anchor.Head h : heads) {
            s.append(h.aggregateId()).append(' ').append(h.sequence()).append(' ').append(CanonicalForm.hex(h.hash()))
                    .append('\n');
        }
        return s.toString();
    }

    public static List<Anchor.Head> headsOf(String text) {
        List<Anchor.Head> heads = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                throw new IllegalStateException("an anchor's head line is not '<aggregate> <sequence> <hash>': " + line);
            }
            heads.add(new Anchor.Head(parts[0], Long.parseLong(parts[1]), CanonicalForm.unhex(parts[2])));
        }
        return heads;
    }

    private static void check(String district) {
        if (!DistrictCode.isValid(district)) {
            throw new IllegalArgumentException("districtCode " + DistrictCode.MESSAGE);
        }
    }
}
