package io.jixiao.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export file, format {@value #FORMAT}: one UTF-8 JSON object holding a project's or a district's stored
 * events with their hashes, the rules of the canonical form, and the heads of the chains. docs/audit.md describes
 * every member. Events are ordered by aggregate, then sequence; byte columns are base64 (RFC 4648, with padding),
 * hashes lowercase hex.
 */
public final class AuditExport {
    public static final String FORMAT = "jixiao-audit-export/1";
    public static final String RULES = "canonical = ASCII \"" + CanonicalForm.TAG + "\" || F(aggregateId) || "
            + "F(sequence as decimal ASCII) || F(type) || F(eventId) || F(payloadType) || F(payloadRevision) || "
            + "F(timestamp) || F(metadata bytes) || F(payload bytes) || F(previousHash bytes); F(x) = 4-byte "
            + "big-endian length of x || x (text as UTF-8); F(null) = FF FF FF FF; hash = SHA-256(canonical). "
            + "A chain is one aggregate's events: sequence 0, 1, 2... without gaps; the first has previousHash null, "
            + "every other has previousHash = hash of the event before it.";

    /** What the file is about. {@code project} is null for a district's export. */
    public record Header(String service, String district, String project, String exportedAt) {
    }

    /** What a verification of a file found. */
    public record Result(Header header, long events, long aggregates, long anchors, Optional<BrokenLink> firstBroken) {
        public boolean ok() {
            return firstBroken.isEmpty();
        }
    }

    private AuditExport() {
    }

    /** Writes the file; returns the number of events written. */
    public static long write(Writer out, Header header, Iterator<ChainedEvent> events) throws IOException {
        Streamer streamer = new Streamer(out, header);
        while (events.hasNext()) {
            streamer.event(events.next());
        }
        return streamer.finish();
    }

    /** Writes a file event by event, for a caller that is handed the events one at a time. */
    public static final class Streamer {
        private final Writer out;
        private final Base64.Encoder base64 = Base64.getEncoder();
        private final Map<String, ChainedEvent> heads = new LinkedHashMap<>();
        private long n;

        public Streamer(Writer out, Header header) throws IOException {
            this(out, header, List.of(), new PublicKeys());
        }

        /** With the district's signed anchors and the public keys that check them. */
        public Streamer(Writer out, Header header, List<Anchor> anchors, PublicKeys keys) throws IOException {
            this.out = out;
            out.write("{\"format\":" + Json.quote(FORMAT)
                    + ",\n\"service\":" + Json.quote(header.service())
                    + ",\n\"district\":" + Json.quote(header.district())
                    + ",\n\"project\":" + Json.quote(header.project())
                    + ",\n\"exportedAt\":" + Json.quote(header.exportedAt())
                    + ",\n\"hashAlgorithm\":\"SHA-256\""
                    + ",\n\"canonicalForm\":" + Json.quote(RULES)
                    + ",\n\"anchors\":" + anchorsJson(anchors)
                    + ",\n\"publicKeys\":" + keysJson(keys)
                    + ",\n\"events\":[");
        }

        public void event(ChainedEvent e) throws IOException {
            out.write(n++ == 0 ? "\n{\"globalIndex\":" : ",\n{\"globalIndex\":");
            out.write(Long.toString(e.globalIndex()));
            member("aggregateId", Json.quote(e.aggregateId()));
            member("sequence", Long.toString(e.sequence()));
            member("type", Json.quote(e.type()));
            member("eventId", Json.quote(e.eventId()));
            member("payloadType", Json.quote(e.payloadType()));
            member("payloadRevision", Json.quote(e.payloadRevision()));
            member("timestamp", Json.quote(e.timestamp()));
            member("metadata", e.metadata() == null ? "null" : "\"" + base64.encodeToString(e.metadata()) + "\"");
            member("payload", e.payload() == null ? "null" : "\"" + base64.encodeToString(e.payload()) + "\"");
            member("previousHash", Json.quote(CanonicalForm.hex(e.previousHash())));
            member("hash", Json.quote(CanonicalForm.hex(e.hash())));
            out.write('}');
            heads.put(e.aggregateId(), e);
        }

        private void member(String name, String json) throws IOException {
            out.write(",\"");
            out.write(name);
            out.write("\":");
            out.write(json);
        }

        /** Ends the file; returns the number of events written. */
        public long finish() throws IOException {
            out.write("\n],\n\"eventCount\":" + n + ",\n\"heads\":[");
            boolean first = true;
            for (ChainedEvent head : heads.values()) {
                out.write((first ? "\n" : ",\n") + "{\"aggregateId\":" + Json.quote(head.aggregateId())
                        + ",\"sequence\":" + head.sequence() + ",\"hash\":" + Json.quote(CanonicalForm.hex(head.hash())) + "}");
                first = false;
            }
            out.write("\n]}\n");
            out.flush();
            return n;
        }
    }

    private static String anchorsJson(List<Anchor> anchors) {
        StringBuilder s = new StringBuilder("[");
        for (Anchor a : anchors) {
            s.append(s.length() == 1 ? "\n" : ",\n").append("{\"service\":").append(Json.quote(a.service()))
                    .append(",\"district\":").append(Json.quote(a.district()))
                    .append(",\"sequence\":").append(a.sequence())
                    .append(",\"anchoredAt\":").append(Json.quote(a.anchoredAt()))
                    .append(",\"heads\":[");
            for (int i = 0; i < a.heads().size(); i++) {
                Anchor.Head h = a.heads().get(i);
                s.append(i == 0 ? "" : ",").append("{\"aggregateId\":").append(Json.quote(h.aggregateId()))
                        .append(",\"sequence\":").append(h.sequence())
                        .append(",\"hash\":").append(Json.quote(CanonicalForm.hex(h.hash()))).append('}');
            }
            s.append("],\"root\":").append(Json.quote(CanonicalForm.hex(a.root())))
                    .append(",\"keyId\":").append(Json.quote(a.keyId()))
                    .append(",\"signature\":").append(Json.quote(a.signature() == null ? null
                            : Base64.getEncoder().encodeToString(a.signature())))
                    .append(",\"previousHash\":").append(Json.quote(CanonicalForm.hex(a.previousHash())))
                    .append(",\"hash\":").append(Json.quote(CanonicalForm.hex(a.hash()))).append('}');
        }
        return s.append(anchors.isEmpty() ? "]" : "\n]").toString();
    }

    private static String keysJson(PublicKeys keys) {
        StringBuilder s = new StringBuilder("[");
        keys.all().forEach((id, key) -> s.append(s.length() == 1 ? "" : ",").append("{\"keyId\":").append(Json.quote(id))
                .append(",\"algorithm\":\"").append(PublicKeys.ALGORITHM).append("\",\"publicKey\":")
                .append(Json.quote(PublicKeys.encode(key))).append('}'));
        return s.append(']').toString();
    }

    /** Reads and verifies a file: every chain, then the event count and the heads the file states. */
    public static Result verify(Path file) throws IOException {
        return verify(Files.readAllBytes(file));
    }

    public static Result verify(String text) {
        return verify(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Verifies a file's UTF-8 bytes. The events are read member by member straight into {@link ChainedEvent}s
     * (base64 and hex decoded from the bytes), the other members as plain JSON values.
     */
    @SuppressWarnings("unchecked")
    public static Result verify(byte[] utf8) {
        Json parser = new Json(utf8);
        Map<String, Object> root = new LinkedHashMap<>();
        List<ChainedEvent> events = new ArrayList<>();
        parser.members(member -> {
            if ("events".equals(member)) {
                parser.elements(() -> events.add(event(parser)));
                root.put(member, Boolean.TRUE);
            } else {
                root.put(member, parser.value());
            }
        });
        parser.end();
        if (!FORMAT.equals(root.get("format"))) {
            throw new IllegalArgumentException("not a " + FORMAT + " file (format: " + root.get("format") + ")");
        }
        if (!"SHA-256".equals(root.get("hashAlgorithm"))) {
            throw new IllegalArgumentException("unknown hashAlgorithm " + root.get("hashAlgorithm"));
        }
        if (!root.containsKey("events")) {
            throw new IllegalArgumentException("the file has no member events");
        }
        Header header = new Header((String) root.get("service"), (String) root.get("district"),
                (String) root.get("project"), (String) root.get("exportedAt"));
        PublicKeys keys = new PublicKeys();
        for (Object item : (List<Object>) root.getOrDefault("publicKeys", List.of())) {
            keys.add((String) ((Map<String, Object>) item).get("publicKey"));
        }
        String projectAggregate = header.project() == null ? null
                : "project:" + header.district() + ":" + header.project();
        AnchorVerifier anchors = new AnchorVerifier(keys,
                aggregate -> projectAggregate == null || projectAggregate.equals(aggregate));
        List<Anchor> stated = new ArrayList<>();
        for (Object item : (List<Object>) root.getOrDefault("anchors", List.of())) {
            stated.add(anchor((Map<String, Object>) item));
        }
        ChainVerifier verifier = new ChainVerifier();
        Map<String, ChainedEvent> heads = new LinkedHashMap<>();
        if (anchors.checkAnchors(stated)) {
            for (ChainedEvent e : events) {
                if (!verifier.accept(e) || !anchors.accept(e)) {
                    break;
                }
                heads.put(e.aggregateId(), e);
            }
        }
        Optional<BrokenLink> broken = anchors.firstBroken().or(verifier::firstBroken);
        if (broken.isEmpty()) {
            broken = checkSummary(root, events.size(), heads).or(anchors::finish);
        }
        return new Result(header, verifier.events(), verifier.aggregates(), anchors.anchors(), broken);
    }

    @SuppressWarnings("unchecked")
    private static Optional<BrokenLink> checkSummary(Map<String, Object> root, int events, Map<String, ChainedEvent> heads) {
        Object count = root.get("eventCount");
        if (!(count instanceof Long c) || c != events) {
            return Optional.of(new BrokenLink(null, -1, null, -1, null, "eventCount", Integer.toString(events),
                    String.valueOf(count), "the file holds another number of events than it states"));
        }
        List<Object> stated = (List<Object>) root.get("heads");
        List<String> seen = new ArrayList<>();
        for (Object item : stated == null ? List.of() : stated) {
            Map<String, Object> head = (Map<String, Object>) item;
            String aggregate = (String) head.get("aggregateId");
            seen.add(aggregate);
            ChainedEvent last = heads.get(aggregate);
            String found = last == null ? null : last.sequence() + "/" + CanonicalForm.hex(last.hash());
            String expected = head.get("sequence") + "/" + head.get("hash");
            if (!expected.equals(found)) {
                return Optional.of(new BrokenLink(aggregate, last == null ? -1 : last.sequence(),
                        last == null ? null : last.eventId(), last == null ? -1 : last.globalIndex(), null, "heads",
                        expected, found, "the chain ends elsewhere than the head the file states"));
            }
        }
        for (String aggregate : heads.keySet()) {
            if (!seen.contains(aggregate)) {
                return Optional.of(new BrokenLink(aggregate, -1, null, -1, null, "heads", "a head for " + aggregate,
                        null, "the file states no head for a chain it holds"));
            }
        }
        return Optional.empty();
    }

    /** One event object, member by member; unknown members are read and ignored. */
    private static ChainedEvent event(Json parser) {
        EventMembers m = new EventMembers();
        parser.members(member -> {
            switch (member) {
                case "globalIndex" -> m.globalIndex = parser.integer(member);
                case "aggregateId" -> m.aggregateId = parser.text();
                case "sequence" -> m.sequence = parser.integer(member);
                case "type" -> m.type = parser.text();
                case "eventId" -> m.eventId = parser.text();
                case "payloadType" -> m.payloadType = parser.text();
                case "payloadRevision" -> m.payloadRevision = parser.text();
                case "timestamp" -> m.timestamp = parser.text();
                case "metadata" -> m.metadata = parser.base64();
                case "payload" -> m.payload = parser.base64();
                case "previousHash" -> m.previousHash = parser.hex();
                case "hash" -> m.hash = parser.hex();
                default -> parser.value();
            }
        });
        if (m.globalIndex == null || m.sequence == null) {
            throw new IllegalArgumentException("event member " + (m.globalIndex == null ? "globalIndex" : "sequence")
                    + " is not an integer: null");
        }
        return new ChainedEvent(m.globalIndex, m.aggregateId, m.sequence, m.type, m.eventId, m.payloadType,
                m.payloadRevision, m.timestamp, m.metadata, m.payload, m.previousHash, m.hash);
    }

    /** The members of an event object as they are read. */
    private static final class EventMembers {
        Long globalIndex;
        String aggregateId;
        Long sequence;
        String type;
        String eventId;
        String payloadType;
        String payloadRevision;
        String timestamp;
        byte[] metadata;
        byte[] payload;
        byte[] previousHash;
        byte[] hash;
    }

    @SuppressWarnings("unchecked")
    private static Anchor anchor(Map<String, Object> m) {
        List<Anchor.Head> heads = new ArrayList<>();
        for (Object item : (List<Object>) m.get("heads")) {
            Map<String, Object> h = (Map<String, Object>) item;
            heads.add(new Anchor.Head((String) h.get("aggregateId"), number(h, "sequence"),
                    CanonicalForm.unhex((String) h.get("hash"))));
        }
        String signature = (String) m.get("signature");
        return new Anchor((String) m.get("service"), (String) m.get("district"), number(m, "sequence"),
                (String) m.get("anchoredAt"), heads, CanonicalForm.unhex((String) m.get("root")),
                (String) m.get("keyId"), signature == null ? null : Base64.getDecoder().decode(signature),
                CanonicalForm.unhex((String) m.get("previousHash")), CanonicalForm.unhex((String) m.get("hash")));
    }

    private static long number(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long n)) {
            throw new IllegalArgumentException("event member " + key + " is not an integer: " + v);
        }
        return n;
    }

    /** Writes to a string: for tests and small exports. */
    public static String toText(Header header, List<ChainedEvent> events) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(out, header, events.iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
