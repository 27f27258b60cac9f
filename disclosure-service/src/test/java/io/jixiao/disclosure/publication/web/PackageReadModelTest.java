package io.jixiao.disclosure.publication.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.disclosure.fixture.Databases;
import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.journal.store.DistrictEventProjection;
import io.jixiao.disclosure.publication.PackageView;
import io.jixiao.events.ContactDetails;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.evaluation.PersonalDataErased;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.personal.Contacts;
import io.jixiao.support.personal.JdbcPersonalKeyStore;
import io.jixiao.support.personal.PersonalData;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The disclosure_package read model on a real PostgreSQL: packages journaled before it existed are carried over by
 * its migration, and a package event applied twice changes the row once; a package's contacts are stored sealed,
 * read opened, 已删除 once evaluation-service's erasure of their person is journaled, and never by a DASHBOARD.
 */
class PackageReadModelTest {
    private static final Instant PUBLISHED_AT = Instant.parse("2023-02-01T02:00:00Z");
    private static final Instant RETRACTED_AT = Instant.parse("2023-02-03T02:00:00Z");
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static PackageReadModel packages;

    @BeforeAll
    static void database() {
        dataSource = Databases.fresh("disclosure_package_read_model");
        jdbc = new JdbcTemplate(dataSource);
        Databases.migrate(dataSource, "7");
        journal("old-p", "DisclosurePublished", PUBLISHED_AT, "{\"districtCode\":\"430212\",\"year\":2023,"
                + "\"unitId\":\"wjj\",\"packageId\":\"pkg-old\",\"kind\":\"GOALS\",\"publishedOn\":\"2023-02-01\"}");
        journal("old-r", "DisclosureRetracted", RETRACTED_AT, "{\"districtCode\":\"430212\",\"year\":2023,"
                + "\"unitId\":\"wjj\",\"packageId\":\"pkg-old\",\"reason\":\"表格有误\",\"retractedOn\":\"2023-02-03\"}");
        Databases.migrate(dataSource, null);
        contacts = new Contacts(new PersonalData(Base64.getDecoder().decode(PersonalData.LOCAL_MASTER_KEY),
                new JdbcPersonalKeyStore(jdbc)), (district, person) -> false);
        packages = new PackageReadModel(jdbc, contacts);
    }

    private static Contacts contacts;

    private static void journal(String eventId, String type, Instant at, String payload) {
        jdbc.update("INSERT INTO district_event (event_id, source, district_code, topic, type, aggregate_type, "
                + "aggregate_id, sequence, occurred_at, payload) VALUES (?, 'disclosure', '430212', 'disclosure', ?, "
                + "'DisclosurePackage', 'DisclosurePackage:430212:pkg-old', ?, ?, ?::json)", eventId, type,
                type.equals("DisclosurePublished") ? 0 : 1, java.sql.Timestamp.from(at), payload);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void aPackageJournaledBeforeTheReadModelIsFoundAsItStood() {
        PackageView view = packages.find("430212", "pkg-old").orElseThrow();

        assertThat(view.status()).isEqualTo("RETRACTED");
        assertThat(view.kind()).isEqualTo(DisclosureKind.GOALS);
        assertThat(view.publishedAt()).isEqualTo(PUBLISHED_AT);
        assertThat(view.retractedAt()).isEqualTo(RETRACTED_AT);
        assertThat(view.retractionReason()).isEqualTo("表格有误");
    }

    @Test
    void anEventAppliedAgainChangesNothing() {
        DisclosurePublished published = new DisclosurePublished("430211", 2024, "jyj", "pkg-1",
                DisclosureKind.SELF_EVALUATION, LocalDate.parse("2024-03-01"), Map.of("表1", List.of("p1")), null,
                null);
        DisclosureRetracted retracted = new DisclosureRetracted("430211", 2024, "jyj", "pkg-1", "重报",
                LocalDate.parse("2024-03-05"));
        packages.on(published, message("p-1", published, PUBLISHED_AT));
        packages.on(retracted, message("r-1", retracted, RETRACTED_AT));
        // redelivered, stamped later: had they been applied again, the times would have moved
        packages.on(published, message("p-1", published, PUBLISHED_AT.plusSeconds(60)));
        packages.on(retracted, message("r-1", retracted, RETRACTED_AT.plusSeconds(60)));

        PackageView view = packages.find("430211", "pkg-1").orElseThrow();
        assertThat(view.publishedAt()).isEqualTo(PUBLISHED_AT);
        assertThat(view.retractedAt()).isEqualTo(RETRACTED_AT);
        assertThat(view.status()).isEqualTo("RETRACTED");
        assertThat(view.tables()).containsEntry("表1", List.of("p1"));
        assertThat(packages.list("430211", 2024, "jyj")).extracting(PackageView::packageId).containsExactly("pkg-1");
        assertThat(packages.list("430211", 2024, "other")).isEmpty();
    }

    @Test
    void contactsAreStoredSealedReadOpenedErasedByTheJournaledErasureAndNeverShownToADashboard() {
        ContactDetails sealed = contacts.seal("430211", new Contacts.Request("clerk-7", "李秀英", "李秀英",
                "0731-22334455"), null);
        DisclosurePublished published = new DisclosurePublished("430211", 2024, "jyj", "pkg-c",
                DisclosureKind.GOALS, LocalDate.parse("2024-03-01"), Map.of("表1", List.of("p1")), null, null, sealed);
        packages.on(published, message("pc-1", published, PUBLISHED_AT));

        assertThat(jdbc.queryForObject("SELECT published::text FROM disclosure_package WHERE package_id = 'pkg-c'",
                String.class)).contains("clerk-7").doesNotContain("李秀英").doesNotContain("0731-22334455");
        assertThat(as("UNIT").contacts()).isEqualTo(new Contacts.State("clerk-7", "李秀英", "李秀英", "0731-22334455"));
        assertThat(as("DASHBOARD").contacts()).isNull();
        assertThat(packages.publication("430211", "pkg-c").orElseThrow().contacts()).isEqualTo(sealed);

        EventEnvelope erasure = new EventEnvelope("erase-1", "PersonalDataErased", "person", "person:430211:clerk-7",
                0, RETRACTED_AT, new EventMetadata("430211", "fin", "c", "c", null),
                new ObjectMapper().valueToTree(new PersonalDataErased("430211", "clerk-7", "本人申请")));
        DistrictEventProjection journal = new DistrictEventProjection();
        journal.apply(erasure, jdbc);
        journal.applyAll(List.of(erasure), jdbc);  // redelivered: nothing more to delete, nothing fails

        assertThat(new JdbcPersonalKeyStore(jdbc).find("430211", "clerk-7")).isEmpty();
        assertThat(as("AUDITOR").contacts()).isEqualTo(new Contacts.State("clerk-7", "已删除", "已删除", "已删除"));
    }

    private static PackageView as(String role) {
        AtomicReference<PackageView> seen = new AtomicReference<>();
        new CallerContext("reader", Set.of(role), Set.of("430211"), Set.of("*"), null, "c", null)
                .run(() -> seen.set(packages.find("430211", "pkg-c").orElseThrow()));
        return seen.get();
    }

    private static <T> EventMessage<T> message(String id, T payload, Instant at) {
        return new GenericEventMessage<>(id, payload, Map.of(), at);
    }
}
