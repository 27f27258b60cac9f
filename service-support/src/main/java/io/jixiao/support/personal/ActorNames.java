package io.jixiao.support.personal;

import io.jixiao.events.EventMetadata;
import io.jixiao.events.SealedText;
import java.util.Map;

/**
 * The display name of who acted (the token's {@code name}) in the metadata of every event a command records, under
 * {@link EventMetadata#ACTOR_NAME}: sealed under the actor's data key (数据密钥, person = the actor's subject id, in the
 * command's district; made on first use) when the command is sent, opened when a history is read. The stored metadata,
 * its hash, the snapshots and the Kafka record hold only the ciphertext; erasing the subject (加密删除) makes the name
 * read {@link PersonalData#ERASED}. A subject the service knows to be erased gets no name in new events: a new key
 * would escape the erasure already recorded.
 *
 * @param erasures the service's record of erased persons (the same one its {@link Contacts} use)
 */
public record ActorNames(PersonalData personal, Contacts.Erasures erasures) {

    /** The ciphertext to store under {@link EventMetadata#ACTOR_NAME}; null when there is no name to record. */
    public String seal(String districtCode, String actor, String name) {
        if (name == null || actor == null || districtCode == null || erasures.erased(districtCode, actor)) {
            return null;
        }
        return personal.seal(districtCode, actor, name).ciphertext();
    }

    /** The names opened for one read (a history's page): each actor's key is read once. */
    public ActorNames forOneRead() {
        return new ActorNames(personal.forOneRead(), erasures);
    }

    /**
     * What a history shows for an event's stored metadata: the name, {@link PersonalData#ERASED} once the actor's key
     * is destroyed, null when the event recorded none (older events, system actors, tokens without a name).
     */
    public String show(Map<String, ?> metadata) {
        Object sealed = metadata.get(EventMetadata.ACTOR_NAME);
        Object actor = metadata.get(EventMetadata.ACTOR);
        Object district = metadata.get(EventMetadata.DISTRICT_CODE);
        if (sealed == null || actor == null || district == null) {
            return null;
        }
        return personal.show(district.toString(), new SealedText(actor.toString(), sealed.toString()));
    }
}
