package io.jixiao.evaluation.rectification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.Views;
import io.jixiao.events.evaluation.RectificationCompleted;
import io.jixiao.events.evaluation.RectificationOpened;
import io.jixiao.events.evaluation.RectificationOverdue;
import io.jixiao.events.evaluation.RectificationProgressed;
import io.jixiao.events.evaluation.RectificationReturned;
import io.jixiao.events.evaluation.RectificationSignedOff;
import io.jixiao.events.evaluation.RectificationSource;
import io.jixiao.events.evaluation.RectificationStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every rectification item as it stands (table {@code rectification_view}), subscribing. */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class RectificationView {
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public RectificationView(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** An item as recorded. */
    public record ItemRecord(String districtCode, String rectificationId, int year, String ownerUnitId,
                             RectificationSource source, String measures, LocalDate deadline, Instant dueAt,
                             LocalDate openedOn, RectificationStatus status, Instant overdueAt, LocalDate doneOn,
                             boolean late, LocalDate signedOffOn, long version, Instant updatedAt) {
    }

    /** What a list is narrowed to; null fields narrow nothing. */
    public record Filter(RectificationStatus status, Integer year, String ownerUnitId) {
    }

    @EventHandler
    void on(RectificationOpened e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("INSERT INTO rectification_view (rectification_key, district_code, rectification_id, year, "
                        + "owner_unit_id, source_kind, source_ref, source, measures, deadline, due_at, opened_on, status, "
                        + "version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?)",
                Keys.rectification(e.districtCode(), e.rectificationId()), e.districtCode(), e.rectificationId(),
                e.year(), e.ownerUnitId(), e.source().kind().name(), e.source().reference(),
                Views.json(objectMapper, e.source()), e.measures(), Date.valueOf(e.deadline()),
                Timestamp.from(e.dueAt()), Date.valueOf(e.openedOn()), e.status().name(), sequence, Timestamp.from(at));
    }

    @EventHandler
    void on(RectificationProgressed e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(e.districtCode(), e.rectificationId(), e.status(), "", List.of(), sequence, at);
    }

    @EventHandler
    void on(RectificationCompleted e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(e.districtCode(), e.rectificationId(), e.status(), ", done_on = ?, late = ?",
                List.of(Date.valueOf(e.doneOn()), e.late()), sequence, at);
    }

    @EventHandler
    void on(RectificationSignedOff e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(e.districtCode(), e.rectificationId(), e.status(), ", signed_off_on = ?",
                List.of(Date.valueOf(e.signedOn())), sequence, at);
    }

    @EventHandler
    void on(RectificationReturned e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(e.districtCode(), e.rectificationId(), e.status(), ", done_on = NULL, late = FALSE", List.of(),
                sequence, at);
    }

    @EventHandler
    void on(RectificationOverdue e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        update(e.districtCode(), e.rectificationId(), e.status(), ", overdue_at = ?",
                List.of(Timestamp.from(e.overdueAt())), sequence, at);
    }

    private void update(String district, String rectificationId, RectificationStatus status, String columns,
                        List<Object> values, long sequence, Instant at) {
        List<Object> arguments = new ArrayList<>();
        arguments.add(status.name());
        arguments.addAll(values);
        arguments.add(sequence);
        arguments.add(Timestamp.from(at));
        arguments.add(Keys.rectification(district, rectificationId));
        jdbc.update("UPDATE rectification_view SET status = ?" + columns + ", version = ?, updated_at = ? "
                + "WHERE rectification_key = ?", arguments.toArray());
    }

    public Optional<ItemRecord> find(String districtCode, String rectificationId) {
        return jdbc.query("SELECT * FROM rectification_view WHERE rectification_key = ?", this::row,
                Keys.rectification(districtCode, rectificationId)).stream().findFirst();
    }

    /** The item opened for a source, if any (one item per source). */
    public Optional<ItemRecord> forSource(String districtCode, RectificationSource source) {
        return jdbc.query("SELECT * FROM rectification_view WHERE district_code = ? AND source_ref = ?", this::row,
                districtCode, source.reference()).stream().findFirst();
    }

    /** A district's items by id, narrowed by {@code filter}. */
    public List<ItemRecord> ofDistrict(String districtCode, Filter filter) {
        List<Object> arguments = new ArrayList<>(List.of(districtCode));
        StringBuilder sql = new StringBuilder("SELECT * FROM rectification_view WHERE district_code = ?");
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            arguments.add(filter.status().name());
        }
        if (filter.year() != null) {
            sql.append(" AND year = ?");
            arguments.add(filter.year());
        }
        if (filter.ownerUnitId() != null) {
            sql.append(" AND owner_unit_id = ?");
            arguments.add(filter.ownerUnitId());
        }
        return jdbc.query(sql.append(" ORDER BY rectification_id").toString(), this::row, arguments.toArray());
    }

    /** Items not done (opened or being rectified, not yet overdue) whose deadline passed at {@code now}. */
    public List<ItemRecord> pastDeadline(Instant now) {
        return jdbc.query("SELECT * FROM rectification_view WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_at <= ? "
                + "ORDER BY due_at, rectification_key", this::row, Timestamp.from(now));
    }

    private ItemRecord row(ResultSet rs, int i) throws SQLException {
        Timestamp overdueAt = rs.getTimestamp("overdue_at");
        Date doneOn = rs.getDate("done_on");
        Date signedOffOn = rs.getDate("signed_off_on");
        return new ItemRecord(rs.getString("district_code"), rs.getString("rectification_id"), rs.getInt("year"),
                rs.getString("owner_unit_id"), Views.read(objectMapper, rs.getString("source"),
                RectificationSource.class), rs.getString("measures"), rs.getDate("deadline").toLocalDate(),
                rs.getTimestamp("due_at").toInstant(), rs.getDate("opened_on").toLocalDate(),
                RectificationStatus.valueOf(rs.getString("status")), overdueAt == null ? null : overdueAt.toInstant(),
                doneOn == null ? null : doneOn.toLocalDate(), rs.getBoolean("late"),
                signedOffOn == null ? null : signedOffOn.toLocalDate(), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
