package io.jixiao.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server (zonky's embedded binaries) run as a child process.
 *
 * <p>With a data directory the data survives {@link #stop()} and the next start on the same
 * directory; without one the server lives in a temporary directory that {@link #stop()} deletes.
 * User {@value #USER}, password {@value #PASSWORD}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final boolean temporary;
    private final int port;
    private final Path logFile;
    private final boolean temporaryLogFile;
    private final Thread shutdownHook;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Builder builder) {
        this.temporary = builder.dataDirectory == null;
        this.dataDirectory = temporary
                ? Directories.createTemp(zonkyWorkingDirectory(), "jixiao-pg-")
                : Directories.create(builder.dataDirectory.toAbsolutePath());
        this.port = FreePorts.orPick(builder.port);
        this.temporaryLogFile = temporary && builder.logFile == null;
        this.logFile = temporaryLogFile
                ? dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log")
                : builder.logFile;
        this.shutdownHook = builder.stopOnJvmExit ? new Thread(this::stop, "embedded-postgres-stop") : null;
    }

    /** Starts a server; {@code dataDirectory} null = a temporary one, {@code port} 0 = a free port. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return builder().dataDirectory(dataDirectory).port(port).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** {@code jdbc:postgresql://localhost:<port>/<database>}; credentials are {@link #USER}/{@link #PASSWORD}. */
    public String jdbcUrl(String database) {
        return serverUrl() + "/" + database;
    }

    /** {@code jdbc:postgresql://localhost:<port>}, the server without a database. */
    public String serverUrl() {
        return "jdbc:postgresql://localhost:" + port;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Creates {@code name} unless it exists; names are lower-case letters, digits and underscores. */
    public void createDatabaseIfMissing(String name) {
        PostgresDatabases.createIfMissing(serverUrl(), USER, PASSWORD, name);
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Stops the server and keeps its data, e.g. to simulate an outage; {@link #startAgain()} brings it back. */
    public synchronized void stopForOutage() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
        } finally {
            postgres = null;
        }
    }

    /** Starts the server again on the same port and data directory. */
    public synchronized void startAgain() {
        if (postgres != null) {
            return;
        }
        StalePostmaster.clear(dataDirectory);
        if (FreePorts.inUse(port)) {
            throw new IllegalStateException("port " + port + " is already in use; cannot start PostgreSQL");
        }
        try {
            postgres = zonkyBuilder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port + " in " + dataDirectory
                    + (logFile == null ? "" : "; see " + logFile), e);
        }
        setPassword();
    }

    /** Stops the server cleanly; a temporary data directory is deleted. */
    public synchronized void stop() {
        stopForOutage();
        if (temporary) {
            Directories.deleteRecursively(dataDirectory);
        }
        if (temporaryLogFile) {
            Directories.deleteRecursively(logFile);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            removeShutdownHook();
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "PostgreSQL on port " + port + " in " + dataDirectory;
    }

    private EmbeddedPostgres.Builder zonkyBuilder() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "localhost");
        if (temporary) {
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        } else {
            builder.setServerConfig("synchronous_commit", "on");
        }
        if (logFile != null) {
            Directories.create(logFile.toAbsolutePath().getParent());
            builder.setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        return builder;
    }

    private void setPassword() {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the password of " + USER, e);
        }
    }

    private void register() {
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    private static Path zonkyWorkingDirectory() {
        // zonky stops and deletes orphaned data directories it finds here (left by a killed JVM)
        Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        return Path.of(System.getProperty("ot.epg.working-dir", fallback.toString()));
    }

    /** Options of {@link EmbeddedPostgresServer}. */
    public static final class Builder {
        private Path dataDirectory;
        private int port;
        private Path logFile;
        private boolean stopOnJvmExit = true;

        private Builder() {
        }

        /** Where the data lives; null (the default) = a temporary directory deleted by {@link #stop()}. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** The port; 0 (the default) = a free port, kept across {@link #startAgain()}. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Appends the server's own output to this file. Default: a file beside a temporary data
         * directory (deleted with it); for a given data directory, SLF4J (logger of zonky's EmbeddedPostgres).
         */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** Whether a JVM shutdown hook stops the server (default true); turn off to order shutdown yourself. */
        public Builder stopOnJvmExit(boolean stopOnJvmExit) {
            this.stopOnJvmExit = stopOnJvmExit;
            return this;
        }

        public EmbeddedPostgresServer start() {
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(this);
            try {
                server.startAgain();
            } catch (RuntimeException e) {
                server.stop();
                throw e;
            }
            server.register();
            return server;
        }
    }
}
