package dev.nayose.platform.resilience;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * PostgreSQL's transient failures, as Spring, HikariCP and pgjdbc report them. The chain is read
 * outermost first and the first verdict wins: Spring's translation where it decided, else the
 * SQLState of the driver's exception ({@code 08}: connection; {@code 57P01..03}: the server is
 * shutting down or starting; {@code 53300}: too many connections; {@code 40001}, {@code 40P01}:
 * serialization failure, deadlock; {@code 55P03}: lock not available), else a socket error.
 */
final class PostgresFailures implements FailureClassifier {
  private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01",
      "55P03");
  /** No connection was made: refused, rejected, the server starting up, or no slot left. */
  private static final Set<String> UNREACHED_STATES = Set.of("08001", "08004", "57P03", "53300");
  /** Data, integrity, syntax and access errors: the statement itself is wrong. */
  private static final Set<String> PERMANENT_CLASSES = Set.of("22", "23", "42", "28");

  @Override
  public boolean isTransient(Throwable failure) {
    for (Throwable t : FailureClassifier.chain(failure)) {
      if (t instanceof DataIntegrityViolationException || t instanceof InvalidDataAccessResourceUsageException
          || t instanceof InvalidDataAccessApiUsageException || t instanceof PermissionDeniedDataAccessException) {
        return false;
      }
      if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
          || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientException || t instanceof SQLRecoverableException
          || t instanceof SocketException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || TRANSIENT_STATES.contains(state)) {
          return true;
        }
        if (state.length() >= 2 && PERMANENT_CLASSES.contains(state.substring(0, 2))) {
          return false;
        }
      }
    }
    return false;
  }

  @Override
  public boolean neverReached(Throwable failure) {
    for (Throwable t : FailureClassifier.chain(failure)) {
      // raised while a connection was being obtained: no statement was sent on it
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null && UNREACHED_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
