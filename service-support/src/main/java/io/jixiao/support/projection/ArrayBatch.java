package io.jixiao.support.projection;

import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * Many rows in one statement: each column goes to PostgreSQL as one array parameter, which the SQL unnests
 * ({@code INSERT … SELECT … FROM unnest(?::varchar[], ?::int8[], …)}). One round trip and one parse for a whole
 * poll of events, where single-row statements cost one each.
 */
public final class ArrayBatch {
    private ArrayBatch() {
    }

    /**
     * Runs {@code sql} with {@code columns[c]} bound as an array of PostgreSQL type {@code types[c]} to its
     * parameter {@code c + 1}; returns the update count.
     */
    public static int update(JdbcTemplate jdbc, String sql, String[] types, Object[][] columns) {
        return jdbc.update(statement(sql, types, columns));
    }

    /**
     * As {@link #update}, for a statement that answers rows ({@code … RETURNING event_id}): the first column of
     * each, as text.
     */
    public static List<String> returning(JdbcTemplate jdbc, String sql, String[] types, Object[][] columns) {
        return jdbc.query(statement(sql, types, columns), (rs, i) -> rs.getString(1));
    }

    private static PreparedStatementCreator statement(String sql, String[] types, Object[][] columns) {
        if (types.length != columns.length) {
            throw new IllegalArgumentException(types.length + " types for " + columns.length + " columns");
        }
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            return statement;
        };
    }
}
