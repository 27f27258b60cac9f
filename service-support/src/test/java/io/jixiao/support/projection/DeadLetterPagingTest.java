package io.jixiao.support.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.web.ProblemAdvice;
import io.jixiao.support.web.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The dead letters come a page at a time: every one exactly once by following rel="next"; a bad limit is a 400. */
class DeadLetterPagingTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    private static HikariDataSource dataSource;
    private static MockMvc mvc;

    @BeforeAll
    static void infrastructure() {
        SharedTestInfra.postgres();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(SharedTestInfra.freshDatabase("dead_letter_paging"));
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(2);
        new ResourceDatabasePopulator(new ClassPathResource("db/support/V0_2__projection_support.sql"))
                .execute(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (int i = 0; i < 23; i++) {
            jdbc.update("INSERT INTO projection_dead_letter (projection, topic, partition_no, record_offset, event_id, "
                    + "event_type, record_value, error, status) VALUES ('p', 't', 0, ?, ?, 'X', '{}', 'bad', ?)",
                    i, "e" + i, i % 3 == 0 ? "RETRIED" : "PARKED");
        }
        mvc = MockMvcBuilders.standaloneSetup(new ProjectionAdminController(null, jdbc))
                .addPlaceholderValue("jixiao.admin.path", "/api/test/admin")
                .setControllerAdvice(new ProblemAdvice(new Problems(JSON)))
                .setMessageConverters(new MappingJackson2HttpMessageConverter(JSON)).build();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static List<String> follow(String first, List<Integer> pageSizes) throws Exception {
        List<String> seen = new ArrayList<>();
        String next = first;
        while (next != null) {
            MockHttpServletResponse answer = mvc.perform(get(java.net.URI.create(next))).andReturn().getResponse();
            assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
            JsonNode page = JSON.readTree(answer.getContentAsString());
            pageSizes.add(page.size());
            page.forEach(d -> seen.add(d.get("eventId").asText()));
            String link = answer.getHeader("Link");
            Matcher m = link == null ? null : NEXT.matcher(link);
            next = m != null && m.find() ? m.group(1) : null;
            assertThat(pageSizes.size()).as("pages").isLessThan(50);
        }
        return seen;
    }

    @Test
    void followingTheNextLinksListsEveryDeadLetterExactlyOnce() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        List<String> all = follow("/api/test/admin/dead-letters?limit=5", sizes);
        assertThat(sizes).containsExactly(5, 5, 5, 5, 3);
        assertThat(all).hasSize(23).doesNotHaveDuplicates();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            expected.add("e" + i);
        }
        assertThat(all).containsExactlyElementsOf(expected);

        List<Integer> parkedSizes = new ArrayList<>();
        List<String> parked = follow("/api/test/admin/dead-letters?status=PARKED&limit=4", parkedSizes);
        assertThat(parked).hasSize(15).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(Integer.parseInt(id.substring(1)) % 3).isNotZero());
        assertThat(parkedSizes).containsExactly(4, 4, 4, 3);

        // a page exactly full: no next link pointing at an empty page
        List<Integer> exact = new ArrayList<>();
        assertThat(follow("/api/test/admin/dead-letters?status=RETRIED&limit=8", exact)).hasSize(8);
        assertThat(exact).containsExactly(8);
        // the default limit holds all 23 on one page, and the answer is the array it always was
        MockHttpServletResponse whole = mvc.perform(get("/api/test/admin/dead-letters")).andReturn().getResponse();
        assertThat(JSON.readTree(whole.getContentAsString()).isArray()).isTrue();
        assertThat(JSON.readTree(whole.getContentAsString()).size()).isEqualTo(23);
        assertThat(whole.getHeader("Link")).isNull();
    }

    @Test
    void aLimitOutOfRangeOrACursorThatIsNoNumberIsA400NamingIt() throws Exception {
        for (String query : List.of("limit=0", "limit=5001", "limit=-3", "limit=abc")) {
            MockHttpServletResponse answer = mvc.perform(get("/api/test/admin/dead-letters?" + query)).andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).as(query).isEqualTo(400);
            assertThat(answer.getContentType()).as(query).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.getContentAsString()).at("/errors/0/field").asText()).as(query)
                    .isEqualTo("limit");
        }
        MockHttpServletResponse after = mvc.perform(get("/api/test/admin/dead-letters?after=x1")).andReturn()
                .getResponse();
        assertThat(after.getStatus()).isEqualTo(400);
        assertThat(JSON.readTree(after.getContentAsString()).at("/errors/0/field").asText()).isEqualTo("after");
        assertThat(mvc.perform(get("/api/test/admin/dead-letters?limit=5000")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
    }
}
