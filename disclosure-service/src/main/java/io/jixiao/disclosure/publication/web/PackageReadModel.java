package io.jixiao.disclosure.publication.web;

import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.journal.EventCodec;
import io.jixiao.disclosure.journal.store.OwnEventJournal;
import io.jixiao.disclosure.publication.PackageView;
import io.jixiao.disclosure.web.PersonReaders;
import io.jixiao.support.personal.Contacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code disclosure_package} read model: each package as it stands now, written by the same subscribing
 * processor as the journal, so in the transaction that stores the package event. A row remembers the events that
 * set its publication and its retraction; the same event applied again changes nothing.
 */
@Component
@ProcessingGroup(OwnEventJournal.PROCESSING_GROUP)
public class PackageReadModel {
    private static final String COLUMNS = "published, published_at, retracted, retracted_at";
    private final JdbcTemplate jdbc;
    private final EventCodec codec = EventCodec.shared();
    private final Contacts contacts;

    public PackageReadModel(JdbcTemplate jdbc, Contacts contacts) {
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @EventHandler
    void on(DisclosurePublished event, EventMessage<?> message) {
        jdbc.update("INSERT INTO disclosure_package (district_code, package_id, year, unit_id, published, "
                        + "published_at, published_event_id) VALUES (?, ?, ?, ?, ?::json, ?, ?) "
                        + "ON CONFLICT (district_code, package_id) DO UPDATE SET year = excluded.year, "
                        + "unit_id = excluded.unit_id, published = excluded.published, "
                        + "published_at = excluded.published_at, published_event_id = excluded.published_event_id "
                        + "WHERE disclosure_package.published_event_id <> excluded.published_event_id",
                event.districtCode(), event.packageId(), event.year(), event.unitId(), codec.encode(event),
                Timestamp.from(message.getTimestamp()), message.getIdentifier());
    }

    @EventHandler
    void on(DisclosureRetracted event, EventMessage<?> message) {
        jdbc.update("UPDATE disclosure_package SET retracted = ?::json, retracted_at = ?, retracted_event_id = ? "
                        + "WHERE district_code = ? AND package_id = ? AND retracted_event_id IS DISTINCT FROM ?",
                codec.encode(event), Timestamp.from(message.getTimestamp()), message.getIdentifier(),
                event.districtCode(), event.packageId(), message.getIdentifier());
    }

    /** The package, if it was published. */
    public Optional<PackageView> find(String districtCode, String packageId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM disclosure_package WHERE district_code = ? AND package_id = ?",
                this::view, districtCode, packageId).stream().findFirst();
    }

    /** The unit's packages of the year, by package id. */
    public List<PackageView> list(String districtCode, int year, String unitId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM disclosure_package WHERE district_code = ? AND year = ? "
                + "AND unit_id = ? ORDER BY package_id", this::view, districtCode, year, unitId);
    }

    /** The package's publication as recorded (its contacts sealed), if it was published. */
    public Optional<DisclosurePublished> publication(String districtCode, String packageId) {
        return jdbc.query("SELECT published FROM disclosure_package WHERE district_code = ? AND package_id = ?",
                (rs, i) -> decode(DisclosurePublished.class, rs.getString(1)), districtCode, packageId).stream()
                .findFirst();
    }

    /** The row as the caller may read it: contacts opened (已删除 once erased), none for a DASHBOARD. */
    private PackageView view(ResultSet rs, int row) throws SQLException {
        String retracted = rs.getString("retracted");
        DisclosurePublished published = decode(DisclosurePublished.class, rs.getString("published"));
        return PackageView.of(published, instant(rs, "published_at"),
                retracted == null ? null : decode(DisclosureRetracted.class, retracted), instant(rs, "retracted_at"))
                .withContacts(PersonReaders.callerMay()
                        ? contacts.show(published.districtCode(), published.contacts()) : null);
    }

    private <T> T decode(Class<T> type, String json) {
        return type.cast(codec.decode(type.getSimpleName(), json).orElseThrow());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
