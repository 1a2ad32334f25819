package dev.nayose.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which failures are retried, and which only when the call never reached the dependency. */
class FailureClassifierTest {

  static Stream<Arguments> postgres() {
    return Stream.of(
        // failure, transient, never reached
        Arguments.of("HikariCP: no connection within connection-timeout",
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")), true, true),
        Arguments.of("transaction could not begin: no connection",
            new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")), true, true),
        Arguments.of("connection refused (pgjdbc 08001)",
            new UncategorizedSQLException("connect", null, sql("Connection to 127.0.0.1:5432 refused", "08001")),
            true, true),
        Arguments.of("server starting up (57P03)", sql("the database system is starting up", "57P03"), true, true),
        Arguments.of("too many connections (53300)", sql("too many clients already", "53300"), true, true),
        Arguments.of("server shut down under the statement (57P01)",
            new UncategorizedSQLException("update", "insert ...",
                sql("terminating connection due to administrator command", "57P01")), true, false),
        Arguments.of("connection lost during the commit (08006)",
            new TransactionSystemException("Could not commit JDBC transaction", sql("An I/O error occurred", "08006")),
            true, false),
        Arguments.of("query timeout", new QueryTimeoutException("canceling statement due to statement timeout"), true,
            false),
        Arguments.of("deadlock (40P01)", new CannotAcquireLockException("deadlock", sql("deadlock detected", "40P01")),
            true, false),
        Arguments.of("unique violation (23505)",
            new DuplicateKeyException("duplicate key", sql("duplicate key value violates unique constraint", "23505")),
            false, false),
        Arguments.of("check violation",
            new DataIntegrityViolationException("violates check constraint", sql("check", "23514")), false, false),
        Arguments.of("bad SQL (42601)", new BadSqlGrammarException("select", "selec 1", sql("syntax error", "42601")),
            false, false),
        Arguments.of("uncategorized with a data error (22P02)",
            new UncategorizedSQLException("update", "sql", sql("invalid input syntax for type uuid", "22P02")), false,
            false),
        Arguments.of("no row", new EmptyResultDataAccessException(1), false, false),
        Arguments.of("the application's own failure", new IllegalStateException("upload is no longer RECEIVING"), false,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void postgres(String description, Throwable failure, boolean isTransient, boolean neverReached) {
    var failures = new PostgresFailures();
    assertThat(failures.isTransient(failure)).as("transient").isEqualTo(isTransient);
    assertThat(failures.neverReached(failure)).as("never reached").isEqualTo(neverReached);
  }

  static Stream<Arguments> s3() {
    return Stream.of(
        Arguments.of("connection refused", SdkClientException.create("Unable to execute HTTP request",
            new ConnectException("Connection refused")), true, true),
        Arguments.of("read timed out", SdkClientException.create("Unable to execute HTTP request",
            new SocketTimeoutException("Read timed out")), true, false),
        Arguments.of("API call timeout", ApiCallTimeoutException.create(1_000), true, false),
        Arguments.of("500 InternalError", s3Error(500, "InternalError"), true, false),
        Arguments.of("503 SlowDown", s3Error(503, "SlowDown"), true, true),
        Arguments.of("429 throttled", AwsServiceException.builder().statusCode(429)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequests").build()).build(), true, true),
        Arguments.of("404 NoSuchKey", NoSuchKeyException.builder().statusCode(404)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchKey").build()).build(), false, false),
        Arguments.of("403 AccessDenied", s3Error(403, "AccessDenied"), false, false),
        Arguments.of("400 bad digest", s3Error(400, "BadDigest"), false, false),
        Arguments.of("a stream read failing under the caller",
            new UncheckedIOException(new java.io.IOException("premature end of stream")), false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void s3(String description, Throwable failure, boolean isTransient, boolean neverReached) {
    var failures = new S3Failures();
    assertThat(failures.isTransient(failure)).as("transient").isEqualTo(isTransient);
    assertThat(failures.neverReached(failure)).as("never reached").isEqualTo(neverReached);
  }

  private static SQLException sql(String message, String state) {
    return new SQLException(message, state);
  }

  private static S3Exception s3Error(int status, String code) {
    return (S3Exception) S3Exception.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
  }
}
