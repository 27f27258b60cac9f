package io.jixiao.evaluation;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.support.testing.TestDatabases;

/** A fresh database of this service migrated up to an older version, for tests of the migrations after it. */
final class OldDatabase {
    private OldDatabase() {
    }

    /** A fresh database at migration {@code version}. */
    static HikariDataSource at(String name, String version) {
        HikariDataSource dataSource = TestDatabases.fresh(name);
        TestDatabases.flyway(dataSource).target(version).load().migrate();
        return dataSource;
    }

    /** Runs every migration after the database's version. */
    static void migrate(HikariDataSource dataSource) {
        TestDatabases.flyway(dataSource).load().migrate();
    }
}
