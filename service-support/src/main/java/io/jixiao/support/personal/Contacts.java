package io.jixiao.support.personal;

import io.jixiao.events.ClientId;
import io.jixiao.events.ContactDetails;
import io.jixiao.events.FreeText;
import io.jixiao.events.SealedText;
import io.jixiao.support.domain.RuleViolation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A form's contacts (填报人, 联系人, 联系电话) as every service takes and shows them: sealed before a command is sent, so
 * that neither the command, its fingerprint, the events nor the read models ever hold their text; opened again when a
 * view is read, 已删除 once the person was erased.
 *
 * @param erasures whether a person of a district was erased (their id is then refused for new values)
 */
public record Contacts(PersonalData personal, Erasures erasures) {
    /** Whether the service knows a person of a district to be erased. */
    @FunctionalInterface
    public interface Erasures {
        boolean erased(String districtCode, String personId);

        /** The erasures a service records in its table {@code personal_data_erasure} (district_code, person_id). */
        static Erasures recordedIn(org.springframework.jdbc.core.JdbcTemplate jdbc) {
            return (districtCode, personId) -> Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM personal_data_erasure WHERE district_code = ? AND person_id = ?)",
                    Boolean.class, districtCode, personId));
        }
    }

    @Schema(name = "ContactsRequest", description = "The form's contacts (填报人, 联系人, 联系电话), stored only encrypted under the data key of "
            + "personId; erasing that person (加密删除) makes them read 已删除")
    public record Request(
            @NotNull @Pattern(regexp = ClientId.PATTERN, message = ClientId.MESSAGE)
            @Schema(description = "whom the values belong to: an opaque id the client keeps "
                    + "(a staff number, a token subject), never a name or phone number: it stays in the events")
            String personId,
            @Size(max = 60) @Pattern(regexp = FreeText.SINGLE_LINE, message = FreeText.SINGLE_LINE_MESSAGE)
            @Schema(example = "张小明") String filledBy,
            @Size(max = 60) @Pattern(regexp = FreeText.SINGLE_LINE, message = FreeText.SINGLE_LINE_MESSAGE)
            @Schema(example = "张小明") String contact,
            @Pattern(regexp = "[0-9+() -]{3,30}", message = "digits, spaces and + ( ) -, 3 to 30 characters")
            @Schema(example = "0731-28812345") String phone) {
    }

    @Schema(name = "ContactsState", description = "The form's contacts as recorded; each value 已删除 once its person was erased")
    public record State(String personId, String filledBy, String contact, String phone) {
    }

    /**
     * The contacts sealed, each value kept as recorded when its text is unchanged (so repeating a form records
     * nothing); null when the form names none. A person erased in the district is refused: their id is not reused.
     */
    public ContactDetails seal(String districtCode, Request asked, ContactDetails recorded) {
        if (asked == null) {
            return null;
        }
        if (erasures.erased(districtCode, asked.personId())) {
            throw new RuleViolation("PERSON_ERASED", "contacts.personId", "person '" + asked.personId()
                    + "' was erased in district " + districtCode + "; name the contacts under another id");
        }
        ContactDetails before = recorded == null ? new ContactDetails(null, null, null) : recorded;
        return new ContactDetails(
                personal.sealAgain(districtCode, asked.personId(), asked.filledBy(), before.filledBy()),
                personal.sealAgain(districtCode, asked.personId(), asked.contact(), before.contact()),
                personal.sealAgain(districtCode, asked.personId(), asked.phone(), before.phone()));
    }

    /** The contacts opened (已删除 for an erased person's value); null when none were recorded. */
    public State show(String districtCode, ContactDetails sealed) {
        if (sealed == null) {
            return null;
        }
        return new State(personOf(sealed), personal.show(districtCode, sealed.filledBy()),
                personal.show(districtCode, sealed.contact()), personal.show(districtCode, sealed.phone()));
    }

    private static String personOf(ContactDetails sealed) {
        for (SealedText value : new SealedText[] {sealed.filledBy(), sealed.contact(), sealed.phone()}) {
            if (value != null) {
                return value.personId();
            }
        }
        return null;
    }
}
