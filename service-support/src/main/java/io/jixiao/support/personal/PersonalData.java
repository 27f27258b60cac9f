package io.jixiao.support.personal;

import io.jixiao.events.SealedText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals personal values under each person's data key (数据密钥) and opens them again; erasing a person (加密删除)
 * destroys that key, after which every value sealed under it reads as {@link #ERASED}. The data keys are kept in a
 * {@link PersonalKeyStore}, each wrapped (encrypted) with the master key (主密钥) of the service's configuration, so
 * that neither the event store nor a read model nor a copy of the key table alone reveals a value.
 */
public final class PersonalData {
    /** What a view shows for a value whose person was erased (or whose key is missing). */
    public static final String ERASED = "已删除";
    /**
     * The master key of the embedded stack and the tests (local mode only): well known, so refused elsewhere. Base64
     * of the 32 ASCII bytes {@code jixiao-local-personal-master-key}.
     */
    public static final String LOCAL_MASTER_KEY =
            Base64.getEncoder().encodeToString("jixiao-local-personal-master-key".getBytes(StandardCharsets.US_ASCII));

    private final byte[] masterKey;
    private final List<byte[]> previousMasterKeys;
    private final PersonalKeyStore keys;

    public PersonalData(byte[] masterKey, PersonalKeyStore keys) {
        this(masterKey, List.of(), keys);
    }

    /**
     * @param previousMasterKeys master keys replaced by {@code masterKey} whose wrapped data keys are still read
     *                           while a rotation is under way ({@link #rewrapAll})
     */
    public PersonalData(byte[] masterKey, List<byte[]> previousMasterKeys, PersonalKeyStore keys) {
        if (masterKey.length != PersonalCipher.KEY_BYTES
                || previousMasterKeys.stream().anyMatch(k -> k.length != PersonalCipher.KEY_BYTES)) {
            throw new IllegalArgumentException("a master key must be 32 bytes");
        }
        this.masterKey = masterKey.clone();
        this.previousMasterKeys = previousMasterKeys.stream().map(byte[]::clone).toList();
        this.keys = keys;
    }

    /** What {@link #rewrapAll} did: keys re-wrapped, keys already under the master key, keys no master key opens. */
    public record Rotation(int rewrapped, int current, int unreadable) {
    }

    /**
     * The previous master keys from {@code jixiao.personal.previous-master-keys}: base64 of 32 bytes each, separated
     * by commas; none when empty.
     */
    public static List<byte[]> previousMasterKeys(String configured) {
        List<byte[]> previous = new ArrayList<>();
        if (configured == null || configured.isBlank()) {
            return previous;
        }
        for (String value : configured.split(",")) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(value.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("jixiao.personal.previous-master-keys "
                        + "(JIXIAO_PERSONAL_PREVIOUS_MASTER_KEYS) holds a value that is not base64");
            }
            if (key.length != PersonalCipher.KEY_BYTES) {
                throw new IllegalStateException("jixiao.personal.previous-master-keys "
                        + "(JIXIAO_PERSONAL_PREVIOUS_MASTER_KEYS) holds a key of " + key.length + " bytes; each is 32");
            }
            previous.add(key);
        }
        return previous;
    }

    /**
     * The master key from {@code jixiao.personal.master-key} (base64 of 32 bytes). Empty: the well-known local key in
     * local mode, refused otherwise; the local key is refused outside local mode.
     */
    public static byte[] masterKey(String configured, boolean localMode) {
        String value = configured == null || configured.isBlank() ? (localMode ? LOCAL_MASTER_KEY : null)
                : configured.trim();
        if (value == null) {
            throw new IllegalStateException("jixiao.personal.master-key (JIXIAO_PERSONAL_MASTER_KEY) is not set: "
                    + "base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
        }
        if (!localMode && value.equals(LOCAL_MASTER_KEY)) {
            throw new IllegalStateException("jixiao.personal.master-key (JIXIAO_PERSONAL_MASTER_KEY) is the well-known "
                    + "local key; set a key of your own outside local mode");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("jixiao.personal.master-key (JIXIAO_PERSONAL_MASTER_KEY) is not base64");
        }
        if (key.length != PersonalCipher.KEY_BYTES) {
            throw new IllegalStateException("jixiao.personal.master-key (JIXIAO_PERSONAL_MASTER_KEY) is "
                    + key.length + " bytes; it must be 32");
        }
        return key;
    }

    /** {@code text} sealed under the person's data key (made on first use); null for a null text. */
    public SealedText seal(String districtCode, String personId, String text) {
        if (text == null) {
            return null;
        }
        byte[] scope = PersonalCipher.scope(districtCode, personId);
        byte[] dataKey = dataKey(districtCode, personId).orElseGet(() -> {
            byte[] fresh = PersonalCipher.newKey();
            return unwrap(scope, keys.putIfAbsent(districtCode, personId,
                    PersonalCipher.encrypt(masterKey, scope, fresh))).orElseThrow();
        });
        return new SealedText(personId, Base64.getEncoder().encodeToString(
                PersonalCipher.encrypt(dataKey, scope, text.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * {@code recorded} when it is the same person's and opens to {@code text} (so that repeating a form records
     * nothing new), otherwise {@code text} sealed afresh.
     */
    public SealedText sealAgain(String districtCode, String personId, String text, SealedText recorded) {
        if (text != null && recorded != null && Objects.equals(recorded.personId(), personId)
                && open(districtCode, recorded).filter(text::equals).isPresent()) {
            return recorded;
        }
        return seal(districtCode, personId, text);
    }

    /** The value, or empty when its person's key was destroyed (or the value does not open with it). */
    public Optional<String> open(String districtCode, SealedText sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        byte[] scope = PersonalCipher.scope(districtCode, sealed.personId());
        return dataKey(districtCode, sealed.personId())
                .flatMap(key -> PersonalCipher.decrypt(key, scope, bytes))
                .map(plain -> new String(plain, StandardCharsets.UTF_8));
    }

    /** What a view shows: the value, {@link #ERASED} when it cannot be opened, null when there is none. */
    public String show(String districtCode, SealedText sealed) {
        return sealed == null ? null : open(districtCode, sealed).orElse(ERASED);
    }

    /**
     * This service's values opened for one read (a history's page): each person's key is read from the store once,
     * and the copy is dropped with the returned object, so an erasure after the read is not outlived.
     */
    public PersonalData forOneRead() {
        return new PersonalData(masterKey, previousMasterKeys, new OneReadKeys(keys));
    }

    /** A key store that reads each person's key once (absent ones too); everything else goes to the store. */
    private record OneReadKeys(PersonalKeyStore store, java.util.Map<List<String>, Optional<byte[]>> read)
            implements PersonalKeyStore {
        OneReadKeys(PersonalKeyStore store) {
            this(store, new java.util.HashMap<>());
        }

        @Override
        public Optional<byte[]> find(String districtCode, String personId) {
            return read.computeIfAbsent(List.of(districtCode, personId), k -> store.find(districtCode, personId));
        }

        @Override
        public byte[] putIfAbsent(String districtCode, String personId, byte[] wrapped) {
            read.remove(List.of(districtCode, personId));
            return store.putIfAbsent(districtCode, personId, wrapped);
        }

        @Override
        public boolean delete(String districtCode, String personId) {
            read.remove(List.of(districtCode, personId));
            return store.delete(districtCode, personId);
        }

        @Override
        public List<WrappedKey> all() {
            return store.all();
        }

        @Override
        public boolean replace(String districtCode, String personId, byte[] wrapped, byte[] rewrapped) {
            read.remove(List.of(districtCode, personId));
            return store.replace(districtCode, personId, wrapped, rewrapped);
        }
    }

    /** Destroys the person's data key (加密删除); whether there was one. Repeating it changes nothing. */
    public boolean erase(String districtCode, String personId) {
        return keys.delete(districtCode, personId);
    }

    private Optional<byte[]> dataKey(String districtCode, String personId) {
        return keys.find(districtCode, personId)
                .flatMap(wrapped -> unwrap(PersonalCipher.scope(districtCode, personId), wrapped));
    }

    /**
     * Master-key rotation (主密钥轮换): every data key that only a previous master key opens is wrapped again under the
     * master key, row by row (a row changed meanwhile, e.g. erased, is left alone). The values sealed under the data
     * keys, and so every event and its hash, do not change. Repeating it re-wraps nothing more.
     */
    public Rotation rewrapAll() {
        int rewrapped = 0;
        int current = 0;
        int unreadable = 0;
        for (PersonalKeyStore.WrappedKey row : keys.all()) {
            byte[] scope = PersonalCipher.scope(row.districtCode(), row.personId());
            if (PersonalCipher.decrypt(masterKey, scope, row.wrapped()).isPresent()) {
                current++;
                continue;
            }
            Optional<byte[]> dataKey = unwrapWithPrevious(scope, row.wrapped());
            if (dataKey.isEmpty()) {
                unreadable++;
            } else if (keys.replace(row.districtCode(), row.personId(), row.wrapped(),
                    PersonalCipher.encrypt(masterKey, scope, dataKey.get()))) {
                rewrapped++;
            }
        }
        return new Rotation(rewrapped, current, unreadable);
    }

    /** With the master key, else (during a rotation) with a previous one. */
    private Optional<byte[]> unwrap(byte[] scope, byte[] wrapped) {
        return PersonalCipher.decrypt(masterKey, scope, wrapped).or(() -> unwrapWithPrevious(scope, wrapped));
    }

    private Optional<byte[]> unwrapWithPrevious(byte[] scope, byte[] wrapped) {
        for (byte[] previous : previousMasterKeys) {
            Optional<byte[]> key = PersonalCipher.decrypt(previous, scope, wrapped);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }
}
