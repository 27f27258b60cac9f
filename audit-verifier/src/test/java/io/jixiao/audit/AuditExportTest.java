package io.jixiao.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportTest {
    private static final AuditExport.Header HEADER =
            new AuditExport.Header("budget-service", "430203", null, "2026-12-05T08:00:00Z");

    /** Two chains of three events, hashed as the database's trigger hashes them. */
    static List<ChainedEvent> chains() {
        List<ChainedEvent> events = new ArrayList<>();
        long global = 1;
        for (String aggregate : List.of("430203:p1", "430203:p2")) {
            byte[] previous = null;
            for (long seq = 0; seq < 3; seq++) {
                ChainedEvent e = event(global++, aggregate, seq, "{\"amountFen\":" + (seq * 100) + "}", previous);
                events.add(e);
                previous = e.hash();
            }
        }
        return events;
    }

    static ChainedEvent event(long global, String aggregate, long seq, String payload, byte[] previous) {
        ChainedEvent e = new ChainedEvent(global, aggregate, seq, "Project", "ev-" + global,
                "io.jixiao.events.budget.BudgetAdjusted", null, "2026-12-05T08:00:0" + seq + "Z",
                "{\"actor\":\"alice@czj\"}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                previous, null);
        return withHash(e, CanonicalForm.hash(e));
    }

    static ChainedEvent withHash(ChainedEvent e, byte[] hash) {
        return new ChainedEvent(e.globalIndex(), e.aggregateId(), e.sequence(), e.type(), e.eventId(), e.payloadType(),
                e.payloadRevision(), e.timestamp(), e.metadata(), e.payload(), e.previousHash(), hash);
    }

    @Test
    void intactExportVerifies() {
        AuditExport.Result result = AuditExport.verify(AuditExport.toText(HEADER, chains()));
        assertThat(result.ok()).isTrue();
        assertThat(result.events()).isEqualTo(6);
        assertThat(result.aggregates()).isEqualTo(2);
        assertThat(result.header()).isEqualTo(HEADER);
    }

    @Test
    void oneChangedPayloadByteIsNamedAsTheEventsHash() {
        List<ChainedEvent> events = chains();
        ChainedEvent e = events.get(4);
        byte[] payload = e.payload().clone();
        payload[payload.length - 2]++;
        events.set(4, new ChainedEvent(e.globalIndex(), e.aggregateId(), e.sequence(), e.type(), e.eventId(),
                e.payloadType(), e.payloadRevision(), e.timestamp(), e.metadata(), payload, e.previousHash(), e.hash()));
        BrokenLink broken = AuditExport.verify(AuditExport.toText(HEADER, events)).firstBroken().orElseThrow();
        assertThat(broken.eventId()).isEqualTo("ev-5");
        assertThat(broken.field()).isEqualTo("hash");
        assertThat(broken.found()).isEqualTo(CanonicalForm.hex(e.hash()));
        assertThat(broken.expected()).isNotEqualTo(broken.found());
    }

    @Test
    void aRemovedEventIsNamedAsAGapAfterIt() {
        List<ChainedEvent> events = chains();
        events.remove(1);
        BrokenLink broken = AuditExport.verify(AuditExport.toText(HEADER, events)).firstBroken().orElseThrow();
        assertThat(broken).extracting(BrokenLink::eventId, BrokenLink::previousEventId, BrokenLink::field,
                BrokenLink::expected, BrokenLink::found).containsExactly("ev-3", "ev-1", "sequence", "1", "2");
    }

    @Test
    void swappedEventsAreNamedWhereTheLinkBreaks() {
        List<ChainedEvent> events = chains();
        // the rows keep their places, their contents trade sequence numbers: the hashes no longer link
        ChainedEvent a = events.get(1);
        ChainedEvent b = events.get(2);
        events.set(1, renumber(b, 1));
        events.set(2, renumber(a, 2));
        BrokenLink broken = AuditExport.verify(AuditExport.toText(HEADER, events)).firstBroken().orElseThrow();
        assertThat(broken).extracting(BrokenLink::eventId, BrokenLink::field, BrokenLink::expected, BrokenLink::found)
                .containsExactly("ev-3", "previousHash", CanonicalForm.hex(events.get(0).hash()),
                        CanonicalForm.hex(a.hash()));
    }

    @Test
    void anEventRemovedFromTheEndOfTheFileIsNamedByTheStatedHeads() {
        String text = AuditExport.toText(HEADER, chains());
        int last = text.lastIndexOf(",\n{\"globalIndex\":6");
        String cut = text.substring(0, last) + text.substring(text.indexOf("\n]", last));
        BrokenLink broken = AuditExport.verify(cut).firstBroken().orElseThrow();
        assertThat(broken.field()).isEqualTo("eventCount");
    }

    @Test
    void theCommandLinePrintsOkOrTheFirstBrokenLink(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), AuditExport.toText(HEADER, chains()));
        List<ChainedEvent> events = chains();
        events.remove(4);
        Path bad = Files.writeString(dir.resolve("bad.json"), AuditExport.toText(HEADER, events));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {good.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK 6 events in 2 chains");
        out.reset();
        assertThat(Main.run(new String[] {bad.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("BROKEN at aggregate 430203:p2 sequence 2 event ev-6").contains("field sequence expected 1 found 2");
        assertThat(Main.run(new String[] {dir.resolve("none.json").toString()}, System.out, System.err)).isEqualTo(2);
    }

    @Test
    void canonicalBytesAreTheDocumentedLayout() {
        ChainedEvent e = new ChainedEvent(1, "a", 0, null, "e", "T", null, "t", null, new byte[] {1}, null, null);
        byte[] expected = concat("JIXIAO-CHAIN-1".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 0, 0, 1, 'a'}, new byte[] {0, 0, 0, 1, '0'}, new byte[] {-1, -1, -1, -1},
                new byte[] {0, 0, 0, 1, 'e'}, new byte[] {0, 0, 0, 1, 'T'}, new byte[] {-1, -1, -1, -1},
                new byte[] {0, 0, 0, 1, 't'}, new byte[] {-1, -1, -1, -1}, new byte[] {0, 0, 0, 1, 1},
                new byte[] {-1, -1, -1, -1});
        assertThat(CanonicalForm.bytes(e, null)).isEqualTo(expected);
        assertThat(CanonicalForm.hash(e, null)).isEqualTo(sha256(expected));
        // lengths above one byte, a previous hash, non-ASCII text: the digest fed field by field hashes the same bytes
        byte[] payload = "{\"原因\":\"年中调减\"}".repeat(40).getBytes(StandardCharsets.UTF_8);
        byte[] previous = sha256(expected);
        ChainedEvent longer = new ChainedEvent(2, "project:430203:中文", 300, "Project", "e2", "T", "1", "t",
                new byte[0], payload, previous, null);
        assertThat(CanonicalForm.hash(longer)).isEqualTo(sha256(CanonicalForm.bytes(longer, previous)))
                .isNotEqualTo(sha256(CanonicalForm.bytes(longer, null)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChainedEvent renumber(ChainedEvent e, long seq) {
        return new ChainedEvent(e.globalIndex(), e.aggregateId(), seq, e.type(), e.eventId(), e.payloadType(),
                e.payloadRevision(), e.timestamp(), e.metadata(), e.payload(), e.previousHash(), e.hash());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
