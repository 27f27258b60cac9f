package io.jixiao.support.personal;

import java.util.Optional;

/** Where the wrapped data keys live, outside the event store: one row per person of a district. */
public interface PersonalKeyStore {
    /** The person's wrapped data key, if there is one. */
    Optional<byte[]> find(String districtCode, String personId);

    /** Stores {@code wrapped} unless the person has a key already; answers the key stored (the first one wins). */
    byte[] putIfAbsent(String districtCode, String personId, byte[] wrapped);

    /** Deletes the person's key (the row, not a flag); whether there was one. */
    boolean delete(String districtCode, String personId);
}
