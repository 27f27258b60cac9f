package io.jixiao.support.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (down, restarting, refusing connections, the pool timing out)
 * from every other failure, by the whole cause chain of an exception, however deeply Spring or Axon
 * wrapped it ({@code CommandExecutionException}, {@code EventStoreException}, {@code TransactionSystemException} …).
 *
 * <p>When the chain holds an {@link SQLException}, its SQL state decides: class {@code 08} (connection
 * exception), {@code 57P01}–{@code 57P03} (administrator or crash shutdown, cannot connect now) and
 * {@code 53300} (too many connections) are outages; the JDBC connection subclasses and Hikari's pool
 * timeout ({@link SQLTransientConnectionException}) are too. Other states are not outages, even where
 * Spring translates them to {@link DataAccessResourceFailureException} (it does so for class 54,
 * "program limit exceeded", which a hostile input can cause: that must not invite a retry).
 * HikariCP's own {@code "Connection is closed"} (no SQL state) is one too: its proxy answers so once it evicted a
 * connection that broke under a statement, and Axon's event store goes on using that proxy in the same unit of
 * work (found by the fault suite: commands during a PostgreSQL stop were answered 500).
 * Without an SQLException, Spring's own connection failures decide.
 */
public final class DatabaseOutage {
    /** What HikariCP's proxy says of a connection it already evicted (an SQLException without SQL state). */
    static final String HIKARI_CLOSED = "Connection is closed";
    private DatabaseOutage() {
    }

    /** Whether {@code failure} means the database is unreachable (the request may be retried later as it is). */
    public static boolean causedBy(Throwable failure) {
        SQLException sql = null;
        boolean springSaysResource = false;
        boolean connectRefused = false;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                if (isConnectionFailure(s)) {
                    return true;
                }
                if (sql == null) {
                    sql = s;
                }
                SQLException next = s.getNextException();
                if (next != null && isConnectionFailure(next)) {
                    return true;
                }
            }
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException) {
                springSaysResource = true;
            }
            if (t instanceof ConnectException) {
                connectRefused = true;
            }
        }
        if (connectRefused) {
            return true;
        }
        return sql == null && springSaysResource;
    }

    private static boolean isConnectionFailure(SQLException s) {
        if (s instanceof SQLTransientConnectionException || s instanceof SQLNonTransientConnectionException
                || s instanceof SQLRecoverableException) {
            return true;
        }
        String state = s.getSQLState();
        if (state == null && HIKARI_CLOSED.equals(s.getMessage())) {
            return true;
        }
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
