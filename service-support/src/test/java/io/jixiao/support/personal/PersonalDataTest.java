package io.jixiao.support.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.events.SealedText;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
    private final Map<String, byte[]> rows = new HashMap<>();
    private final PersonalKeyStore store = new PersonalKeyStore() {
        @Override
        public Optional<byte[]> find(String districtCode, String personId) {
            return Optional.ofNullable(rows.get(districtCode + "/" + personId));
        }

        @Override
        public byte[] putIfAbsent(String districtCode, String personId, byte[] wrapped) {
            return rows.computeIfAbsent(districtCode + "/" + personId, k -> wrapped);
        }

        @Override
        public boolean delete(String districtCode, String personId) {
            return rows.remove(districtCode + "/" + personId) != null;
        }

        @Override
        public List<WrappedKey> all() {
            return rows.entrySet().stream().map(e -> new WrappedKey(e.getKey().split("/")[0], e.getKey().split("/")[1],
                    e.getValue())).toList();
        }

        @Override
        public boolean replace(String districtCode, String personId, byte[] wrapped, byte[] rewrapped) {
            return rows.replace(districtCode + "/" + personId, wrapped, rewrapped);
        }
    };
    private final PersonalData personal = new PersonalData(PersonalCipher.newKey(), store);

    @Test
    void aSealedValueOpensUntilItsPersonIsErasedAndNeverShowsItsTextOrTheDataKey() {
        SealedText name = personal.seal("430203", "p-1", "张小明");
        SealedText phone = personal.seal("430203", "p-1", "13800001111");

        byte[] sealed = Base64.getDecoder().decode(name.ciphertext());
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed).hasSize(1 + 12 + "张小明".getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("13800001111");
        assertThat(rows).hasSize(1);
        assertThat(personal.open("430203", name)).contains("张小明");
        assertThat(personal.show("430203", phone)).isEqualTo("13800001111");

        assertThat(personal.erase("430203", "p-1")).isTrue();
        assertThat(personal.erase("430203", "p-1")).isFalse();
        assertThat(rows).isEmpty();
        assertThat(personal.open("430203", name)).isEmpty();
        assertThat(personal.show("430203", phone)).isEqualTo(PersonalData.ERASED);
        assertThat(personal.show("430203", null)).isNull();
    }

    @Test
    void eachValueHasItsOwnNonceAndOpensOnlyForItsOwnPersonAndDistrict() {
        SealedText a = personal.seal("430203", "p-1", "13800001111");
        SealedText b = personal.seal("430203", "p-1", "13800001111");
        personal.seal("430203", "p-2", "x");
        personal.seal("430211", "p-1", "x");

        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(personal.open("430203", new SealedText("p-2", a.ciphertext()))).isEmpty();
        assertThat(personal.open("430211", a)).isEmpty();
        assertThat(personal.open("430203", new SealedText("p-1", "not base64!"))).isEmpty();
        assertThat(personal.sealAgain("430203", "p-1", "13800001111", a)).isSameAs(a);
        assertThat(personal.sealAgain("430203", "p-1", "13800002222", a).ciphertext()).isNotEqualTo(a.ciphertext());
        assertThat(personal.sealAgain("430203", "p-2", "13800001111", a).personId()).isEqualTo("p-2");
    }

    @Test
    void aRotationRewrapsEveryDataKeyUnderTheNewMasterKeyWhileTheOldOneStillReadsAndNoValueChanges() {
        byte[] oldMaster = PersonalCipher.newKey();
        byte[] newMaster = PersonalCipher.newKey();
        PersonalData before = new PersonalData(oldMaster, store);
        SealedText name = before.seal("430203", "p-1", "张小明");
        SealedText phone = before.seal("430211", "p-2", "13800001111");
        before.seal("430203", "p-3", "x");
        before.erase("430203", "p-3");
        byte[] wrappedBefore = rows.get("430203/p-1").clone();

        PersonalData rotating = new PersonalData(newMaster, List.of(oldMaster), store);
        assertThat(rotating.open("430203", name)).contains("张小明");  // read during the rotation, before re-wrapping
        assertThat(rotating.rewrapAll()).isEqualTo(new PersonalData.Rotation(2, 0, 0));
        assertThat(rotating.rewrapAll()).isEqualTo(new PersonalData.Rotation(0, 2, 0));
        assertThat(rows.get("430203/p-1")).isNotEqualTo(wrappedBefore);

        PersonalData after = new PersonalData(newMaster, store);  // the old master key removed from the configuration
        assertThat(after.open("430203", name)).contains("张小明");
        assertThat(after.open("430211", phone)).contains("13800001111");
        assertThat(new PersonalData(oldMaster, store).open("430203", name)).isEmpty();
        assertThat(after.show("430203", new SealedText("p-3", name.ciphertext()))).isEqualTo(PersonalData.ERASED);
        assertThat(new PersonalData(PersonalCipher.newKey(), store).rewrapAll())
                .isEqualTo(new PersonalData.Rotation(0, 0, 2));
    }

    @Test
    void previousMasterKeysAreBase64Of32BytesSeparatedByCommas() {
        String one = Base64.getEncoder().encodeToString(PersonalCipher.newKey());
        String two = Base64.getEncoder().encodeToString(PersonalCipher.newKey());
        assertThat(PersonalData.previousMasterKeys(one + ", " + two)).hasSize(2);
        assertThat(PersonalData.previousMasterKeys(" ")).isEmpty();
        assertThatThrownBy(() -> PersonalData.previousMasterKeys(one + ",c2hvcnQ="))
                .hasMessageContaining("previous-master-keys").hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> PersonalData.previousMasterKeys("not base64!"))
                .hasMessageContaining("not base64");
    }

    @Test
    void aDataKeyWrappedWithAnotherMasterKeyDoesNotOpen() {
        SealedText name = personal.seal("430203", "p-1", "张小明");
        PersonalData otherMaster = new PersonalData(PersonalCipher.newKey(), store);

        assertThat(otherMaster.open("430203", name)).isEmpty();
        assertThat(otherMaster.show("430203", name)).isEqualTo(PersonalData.ERASED);
    }

    @Test
    void theMasterKeyIsRequiredOutsideLocalModeAndTheLocalOneOnlyThere() {
        String own = Base64.getEncoder().encodeToString(PersonalCipher.newKey());
        assertThat(PersonalData.masterKey(own, false)).hasSize(32);
        assertThat(PersonalData.masterKey("", true)).hasSize(32);
        assertThatThrownBy(() -> PersonalData.masterKey("", false)).hasMessageContaining("is not set");
        assertThatThrownBy(() -> PersonalData.masterKey(PersonalData.LOCAL_MASTER_KEY, false))
                .hasMessageContaining("well-known");
        assertThatThrownBy(() -> PersonalData.masterKey("c2hvcnQ=", false)).hasMessageContaining("5 bytes");
        assertThatThrownBy(() -> PersonalData.masterKey("***", false)).hasMessageContaining("not base64");
    }

    @Test
    void anActorsNameIsSealedUnderTheirSubjectAndShowsErasedOnceTheirKeyIsGone() {
        java.util.Set<String> erased = new java.util.HashSet<>();
        ActorNames names = new ActorNames(personal, (district, person) -> erased.contains(district + "/" + person));
        String sealed = names.seal("430203", "zhangsan", "张三");
        assertThat(sealed).doesNotContain("张三");
        assertThat(new String(Base64.getDecoder().decode(sealed), StandardCharsets.UTF_8)).doesNotContain("张三");
        Map<String, Object> metadata = Map.of("districtCode", "430203", "actor", "zhangsan", "actorName", sealed);
        assertThat(names.show(metadata)).isEqualTo("张三");
        // bound to its actor and district: copied to another subject's event it does not open
        assertThat(names.show(Map.of("districtCode", "430203", "actor", "lisi", "actorName", sealed)))
                .isEqualTo(PersonalData.ERASED);
        assertThat(names.show(Map.of("districtCode", "430203", "actor", "zhangsan"))).isNull();
        assertThat(names.seal("430203", "zhangsan", null)).isNull();

        ActorNames oneRead = names.forOneRead();
        assertThat(oneRead.show(metadata)).isEqualTo("张三");
        personal.erase("430203", "zhangsan");
        erased.add("430203/zhangsan");
        assertThat(names.show(metadata)).isEqualTo(PersonalData.ERASED);
        assertThat(names.forOneRead().show(metadata)).isEqualTo(PersonalData.ERASED);
        // an erased subject acting again gets no name sealed under a new key
        assertThat(names.seal("430203", "zhangsan", "张三")).isNull();
        assertThat(rows).doesNotContainKey("430203/zhangsan");
    }
}
