package dev.nayose.platform.observability;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong in an asynchronous SDK call, without the future's wrapping. */
final class Failures {
  private Failures() {
  }

  static Throwable unwrap(Throwable e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** A short reason for a health detail: the exception's class and message, no stack. */
  static String reason(Throwable e) {
    Throwable cause = unwrap(e);
    return cause.getMessage() == null ? cause.getClass().getName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
