package dev.nayose.cli;

import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

/**
 * The one place where {@code nayose} turns an error into what it prints: {@code nayose CMD: what
 * failed (the URL or file)}, then an indented line with what to do, and the exit code
 * ({@link CliFailure.Exit}). Never a bare exception message, never {@code null}; the stack trace
 * only with {@code NAYOSE_DEBUG} set.
 */
final class CliErrors {
  static final String DEBUG_HINT = "NAYOSE_DEBUG=1 prints the stack trace";

  private CliErrors() {}

  /** Prints the error of {@code command} ({@code nayose upload}, {@code nayose dlq peek}) and returns the exit code. */
  static int report(String command, Throwable error, PrintWriter err) {
    CliFailure failure = explain(error);
    err.println(command + ": " + failure.getMessage());
    if (failure.remedy() != null) {
      err.println("  " + failure.remedy());
    }
    if (System.getenv("NAYOSE_DEBUG") != null) {
      error.printStackTrace(err);
    }
    err.flush();
    return failure.exit().code;
  }

  /** {@code error} as a {@link CliFailure}: the one it carries, else what its kind says. */
  static CliFailure explain(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof CliFailure failure) {
        return failure;
      }
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NoSuchFileException e) {
        return CliFailure.input("no such file: " + e.getFile(), "check the path (relative paths are relative to "
            + System.getProperty("user.dir") + ")");
      }
      if (t instanceof AccessDeniedException e) {
        return CliFailure.input("permission denied: " + e.getFile(), "check the file's permissions");
      }
      if (t instanceof FileSystemException e) {
        return CliFailure.input("cannot use " + e.getFile() + " (" + message(e.getReason(), e) + ")", null);
      }
      if (t instanceof SQLException e) {
        return new CliFailure(CliFailure.Exit.UNAVAILABLE, "PostgreSQL refused a statement: " + message(e),
            "check that NAYOSE_JDBC_URL points at nayose's database (" + DEBUG_HINT + ")", error);
      }
    }
    if (error instanceof IllegalArgumentException) {
      return CliFailure.input(message(error), null);
    }
    return new CliFailure(CliFailure.Exit.INTERNAL, message(error), DEBUG_HINT, error);
  }

  /**
   * Why a connection to {@code what} at {@code target} failed, as a failure naming both; {@code
   * remedy} says how to get it there.
   */
  static CliFailure unreachable(String what, Object target, Throwable cause, String remedy) {
    return CliFailure.unavailable("cannot reach " + what + " at " + target + " (" + connectionProblem(cause) + ")",
        remedy, cause);
  }

  /** A failed connection in a few words: refused, unknown host, timed out... */
  static String connectionProblem(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within the connect timeout";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer in time";
      }
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof java.net.SocketTimeoutException) {
        return "timed out";
      }
    }
    return message(cause);
  }

  /** Where the local stack's services are started: the remedy of every "cannot reach" of a local target. */
  static String startOrPoint(String variable) {
    return "start it with ./nayose up, or set " + variable;
  }

  private static String message(Throwable t) {
    return message(t.getMessage(), t);
  }

  private static String message(String message, Throwable t) {
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
