package io.jixiao.evaluation.personal;

import io.jixiao.evaluation.Views;
import io.jixiao.events.evaluation.PersonalDataErased;
import io.jixiao.support.personal.PersonalData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On {@link PersonalDataErased}, in the erasure's own transaction: deletes the person's data key (the row) and
 * remembers the erasure (table {@code personal_data_erasure}).
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public record ErasureView(PersonalData personal, JdbcTemplate jdbc) {
    /** An erasure as recorded. */
    public record Erasure(String districtCode, String personId, String reason, Instant erasedAt) {
    }

    @EventHandler
    void on(PersonalDataErased e, @org.axonframework.eventhandling.Timestamp Instant at) {
        personal.erase(e.districtCode(), e.personId());
        jdbc.update("INSERT INTO personal_data_erasure (district_code, person_id, reason, erased_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (district_code, person_id) DO NOTHING", e.districtCode(), e.personId(), e.reason(),
                Timestamp.from(at));
    }

    public Optional<Erasure> find(String districtCode, String personId) {
        return jdbc.query("SELECT * FROM personal_data_erasure WHERE district_code = ? AND person_id = ?",
                (rs, i) -> new Erasure(rs.getString("district_code"), rs.getString("person_id"),
                        rs.getString("reason"), rs.getTimestamp("erased_at").toInstant()), districtCode, personId)
                .stream().findFirst();
    }
}
