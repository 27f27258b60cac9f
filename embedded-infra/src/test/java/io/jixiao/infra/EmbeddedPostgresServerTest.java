package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void keepsRowsWhenStoppedAndStartedAgainOnTheSameDataDirectory(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            server.createDatabaseIfMissing("budget");
            execute(server, "budget", "CREATE TABLE project (id text PRIMARY KEY, name text NOT NULL)");
            execute(server, "budget", "INSERT INTO project VALUES ('P-1', '渌口区 农村公路')");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            server.createDatabaseIfMissing("budget");
            assertThat(queryString(server, "budget", "SELECT name FROM project WHERE id = 'P-1'"))
                    .isEqualTo("渌口区 农村公路");
        }
    }

    @Test
    void comesBackAfterAnOutageWithItsData() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0)) {
            server.createDatabaseIfMissing("evaluation");
            execute(server, "evaluation", "CREATE TABLE goal (id int PRIMARY KEY)");
            execute(server, "evaluation", "INSERT INTO goal VALUES (7)");
            int port = server.port();

            server.stopForOutage();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> server.connect("evaluation").close()).isInstanceOf(SQLException.class);

            server.startAgain();
            assertThat(server.port()).isEqualTo(port);
            assertThat(queryString(server, "evaluation", "SELECT id::text FROM goal")).isEqualTo("7");
        }
    }

    @Test
    void acceptsTheDocumentedUserAndPasswordOnAPlainJdbcUrl() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0)) {
            server.createDatabaseIfMissing("disclosure");
            server.createDatabaseIfMissing("disclosure");

            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + server.port() + "/disclosure", "postgres", "postgres")) {
                assertThat(connection.isValid(5)).isTrue();
            }
            assertThat(queryString(server, "postgres",
                    "SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = 'postgres'")).isEqualTo("t");
            assertThat(queryString(server, "disclosure", "SHOW server_encoding")).isEqualTo("UTF8");
        }
    }

    @Test
    void startsOverAStalePostmasterPidLeftByAHardKill(@TempDir Path dataDirectory) throws Exception {
        EmbeddedPostgresServer.start(dataDirectory, 0).stop();
        Files.writeString(dataDirectory.resolve("postmaster.pid"), deadPid() + "\n" + dataDirectory + "\n");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            assertThat(queryString(server, "postgres", "SELECT 1::text")).isEqualTo("1");
        }
    }

    @Test
    void leavesARunningOwnerOfTheDataDirectoryAlone(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(dataDirectory, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDirectory, 0))
                    .hasMessageContaining("is used by another running PostgreSQL owner");

            assertThat(queryString(running, "postgres", "SELECT 1::text")).isEqualTo("1");
        }
    }

    @Test
    void aTemporaryServerDeletesItsDataDirectoryOnStop() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(null, 0);
        Path dataDirectory = server.dataDirectory();
        assertThat(dataDirectory.resolve("PG_VERSION")).exists();

        server.stop();

        assertThat(Files.exists(dataDirectory)).isFalse();
        assertThat(FreePorts.inUse(server.port())).isFalse();
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }

    private static void execute(EmbeddedPostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(EmbeddedPostgresServer server, String database, String sql) throws SQLException {
        try (Connection connection = server.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
