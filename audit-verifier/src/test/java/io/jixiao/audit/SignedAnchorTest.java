package io.jixiao.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Merkle tree as RFC 6962 builds it, and signed anchors in an export, checked offline. */
class SignedAnchorTest {

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    @Test
    void theRootOfThreeHeadsSplitsAtTheLargestPowerOfTwoBelowThree() throws Exception {
        List<Anchor.Head> heads = List.of(new Anchor.Head("a", 0, new byte[32]), new Anchor.Head("b", 1, new byte[32]),
                new Anchor.Head("c", 2, new byte[32]));
        byte[] l0 = MerkleTree.leaf(heads.get(0));
        byte[] l1 = MerkleTree.leaf(heads.get(1));
        byte[] l2 = MerkleTree.leaf(heads.get(2));
        byte[] left = sha256(new byte[] {1}, l0, l1);
        assertThat(MerkleTree.root(heads)).isEqualTo(sha256(new byte[] {1}, left, l2));
        // leaf = SHA-256(0x00 || F("a") || F("0") || F(32 zero bytes))
        byte[] leafBytes = new byte[1 + 4 + 1 + 4 + 1 + 4 + 32];
        leafBytes[4] = 1;
        leafBytes[5] = 'a';
        leafBytes[9] = 1;
        leafBytes[10] = '0';
        leafBytes[14] = 32;
        assertThat(l0).isEqualTo(sha256(leafBytes));
        assertThat(MerkleTree.root(List.of())).isEqualTo(sha256());
        assertThat(MerkleTree.root(heads.subList(0, 1))).isEqualTo(l0);
    }

    @Test
    void anExportWithSignedAnchorsVerifiesAndOneReplacedAnchorIsNamed() throws Exception {
        List<ChainedEvent> events = AuditExportTest.chains();
        KeyPair service = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        PublicKeys keys = new PublicKeys();
        String keyId = keys.add(service.getPublic());
        List<Anchor> anchors = new ArrayList<>();
        anchors.add(anchor(events.subList(0, 2), 0, null, keyId, service));
        anchors.add(anchor(events, 1, anchors.get(0).hash(), keyId, service));
        AuditExport.Header header = new AuditExport.Header("budget-service", "430203", null, "2026-12-05T09:00:00Z");

        AuditExport.Result intact = AuditExport.verify(export(header, events, anchors, keys));
        assertThat(intact.firstBroken()).isEmpty();
        assertThat(intact.anchors()).isEqualTo(2);

        // anchor 0 re-signed by another key over the same content, under the service's key id
        Anchor real = anchors.get(0);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] forged = sign(other, real.signedBytes());
        anchors.set(0, new Anchor(real.service(), real.district(), 0, real.anchoredAt(), real.heads(), real.root(),
                keyId, forged, null, Anchor.hash(real.signedBytes(), forged)));
        BrokenLink broken = AuditExport.verify(export(header, events, anchors, keys)).firstBroken().orElseThrow();
        assertThat(broken).extracting(BrokenLink::aggregateId, BrokenLink::sequence, BrokenLink::field)
                .containsExactly("anchor:430203", 0L, "anchor.signature");

        // the last event of a chain anchored at sequence 2 is gone from the export
        anchors.set(0, real);
        List<ChainedEvent> shorter = new ArrayList<>(events.subList(0, events.size() - 1));
        BrokenLink removed = AuditExport.verify(export(header, shorter, anchors, keys)).firstBroken().orElseThrow();
        assertThat(removed.field()).isEqualTo("anchor.head");
        assertThat(removed.expected()).startsWith("430203:p2@2/");
    }

    private static Anchor anchor(List<ChainedEvent> events, long sequence, byte[] previous, String keyId,
                                 KeyPair key) throws Exception {
        java.util.Map<String, Anchor.Head> heads = new java.util.TreeMap<>();
        for (ChainedEvent e : events) {
            heads.put(e.aggregateId(), new Anchor.Head(e.aggregateId(), e.sequence(), e.hash()));
        }
        List<Anchor.Head> leaves = new ArrayList<>(heads.values());
        leaves.sort(MerkleTree.ORDER);
        byte[] root = MerkleTree.root(leaves);
        byte[] signed = Anchor.signedBytes("budget-service", "430203", sequence, "2026-12-05T08:0" + sequence + ":00Z",
                leaves.size(), root, keyId, previous);
        byte[] signature = sign(key, signed);
        return new Anchor("budget-service", "430203", sequence, "2026-12-05T08:0" + sequence + ":00Z", leaves, root,
                keyId, signature, previous, Anchor.hash(signed, signature));
    }

    private static byte[] sign(KeyPair key, byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    private static String export(AuditExport.Header header, List<ChainedEvent> events, List<Anchor> anchors,
                                 PublicKeys keys) throws Exception {
        StringWriter out = new StringWriter();
        AuditExport.Streamer streamer = new AuditExport.Streamer(out, header, anchors, keys);
        for (ChainedEvent e : events) {
            streamer.event(e);
        }
        streamer.finish();
        assertThat(out.toString()).contains("\"publicKeys\":[{\"keyId\":\"" + keys.all().keySet().iterator().next());
        return out.toString();
    }
}
