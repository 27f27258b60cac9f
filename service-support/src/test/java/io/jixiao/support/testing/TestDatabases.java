package io.jixiao.support.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.SharedTestInfra;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Fresh databases on the shared embedded PostgreSQL for the services' tests, migrated as a service migrates its own. */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** An empty database {@code name} behind a small pool; close the returned pool when done. */
    public static HikariDataSource fresh(String name) {
        SharedTestInfra.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(SharedTestInfra.freshDatabase(name));
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(2);
        return dataSource;
    }

    /** The service's migrations (its support tables, then its own) on {@code dataSource}. */
    public static FluentConfiguration flyway(HikariDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/support", "classpath:db/migration");
    }
}
