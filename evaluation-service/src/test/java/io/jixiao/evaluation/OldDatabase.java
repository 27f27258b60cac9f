package io.jixiao.evaluation;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.SharedTestInfra;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** A fresh database of this service migrated up to an older version, for tests of the migrations after it. */
final class OldDatabase {
    private OldDatabase() {
    }

    /** A fresh database at migration {@code version}. */
    static HikariDataSource at(String name, String version) {
        SharedTestInfra.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(SharedTestInfra.freshDatabase(name));
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(2);
        flyway(dataSource).target(version).load().migrate();
        return dataSource;
    }

    /** Runs every migration after the database's version. */
    static void migrate(HikariDataSource dataSource) {
        flyway(dataSource).load().migrate();
    }

    private static FluentConfiguration flyway(HikariDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/support", "classpath:db/migration");
    }
}
