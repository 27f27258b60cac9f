package io.jixiao.budget.common;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.SharedTestInfra;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh database of the suite's shared PostgreSQL with budget-service's migrations, for a read model's test. */
public final class BudgetDatabase implements AutoCloseable {
    private final HikariDataSource dataSource = new HikariDataSource();
    private final JdbcTemplate jdbc;

    public BudgetDatabase(String name) {
        SharedTestInfra.postgres();
        dataSource.setJdbcUrl(SharedTestInfra.freshDatabase(name));
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(2);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/support", "classpath:db/migration").load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
