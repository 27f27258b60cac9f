package io.jixiao.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.support.domain.RuleViolation;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** An unreachable database is 503 with Retry-After, however it was wrapped; other failures are not. */
class DatabaseOutageTest {
    private final ProblemAdvice advice = new ProblemAdvice(new Problems(new ObjectMapper()));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST",
            "/api/budget/districts/430203/projects/p/expenditures");

    private static SQLException refused() {
        return new PSQLException("Connection to localhost:54329 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    }

    @Test
    void connectionFailuresAreOutagesHoweverWrapped() {
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection", refused()))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("could not open",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
                        + "after 5000ms")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CommandExecutionException("failed",
                new EventStoreException("append failed", refused())))).isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("could not commit",
                new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("wrapped",
                new java.net.ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new DataAccessResourceFailureException("no cause given"))).isTrue();
        // HikariCP's proxy of a connection it evicted after it broke: no SQL state (Axon's JdbcException around it)
        assertThat(DatabaseOutage.causedBy(new org.axonframework.common.jdbc.JdbcException(
                "Failed to create a SQL statement", new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("Connection is closed", "42000"))).isFalse();
        // Spring translates class 54 (program limit exceeded) to a resource failure; a hostile input can cause it
        assertThat(DatabaseOutage.causedBy(new DataAccessResourceFailureException("index row too large",
                new SQLException("index row size exceeds maximum", "54000")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no such database",
                new SQLException("database does not exist", "3D000")))).isFalse();
    }

    @Test
    void anOutageIsAnswered503WithRetryAfterAndNeverAs500() throws Exception {
        ResponseEntity<ProblemDetail> answer = advice.command(new CommandExecutionException("failed",
                new CannotCreateTransactionException("could not open", refused())), request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getProperties()).containsEntry("rule", "SERVICE_UNAVAILABLE");

        ResponseEntity<ProblemDetail> read = advice.database(new CannotGetJdbcConnectionException("no connection",
                refused()), request);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(read.getHeaders().getFirst("Retry-After")).isEqualTo("5");

        ResponseEntity<ProblemDetail> wrapped = advice.unexpected(new IllegalStateException("publish failed",
                new EventStoreException("read failed", refused())), request);
        assertThat(wrapped.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aNumberNoAmountCanBeIsA400() throws Exception {
        ResponseEntity<ProblemDetail> direct = advice.numberOutOfRange(new ArithmeticException("Overflow"), request);
        assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(direct.getBody().getProperties()).containsEntry("rule", "NUMBER_OUT_OF_RANGE");
        ResponseEntity<ProblemDetail> inCommand = advice.command(new CommandExecutionException("failed",
                new ArithmeticException("Rounding necessary")), request);
        assertThat(inCommand.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRuleInsideACommandStaysA422AndABugA500() throws Exception {
        ResponseEntity<ProblemDetail> rule = advice.command(new CommandExecutionException("failed",
                new RuleViolation("SPENDING_ABOVE_AVAILABLE", "amount", "too much")), request);
        assertThat(rule.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<ProblemDetail> bug = advice.unexpected(new IllegalStateException("a bug"), request);
        assertThat(bug.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(bug.getHeaders().getFirst("Retry-After")).isNull();
    }
}
