package io.jixiao.support.personal;

import java.util.List;
import java.util.Optional;

/** Where the wrapped data keys live, outside the event store: one row per person of a district. */
public interface PersonalKeyStore {
    /** The person's wrapped data key, if there is one. */
    Optional<byte[]> find(String districtCode, String personId);

    /** Stores {@code wrapped} unless the person has a key already; answers the key stored (the first one wins). */
    byte[] putIfAbsent(String districtCode, String personId, byte[] wrapped);

    /** Deletes the person's key (the row, not a flag); whether there was one. */
    boolean delete(String districtCode, String personId);

    /** A person's wrapped data key as stored. */
    record WrappedKey(String districtCode, String personId, byte[] wrapped) {
    }

    /** Every stored key (for re-wrapping them under a new master key). */
    List<WrappedKey> all();

    /** Replaces the person's key by {@code rewrapped} if it is still {@code wrapped}; whether it did. */
    boolean replace(String districtCode, String personId, byte[] wrapped, byte[] rewrapped);
}
