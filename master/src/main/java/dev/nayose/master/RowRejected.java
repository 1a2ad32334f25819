package dev.nayose.master;

/**
 * Thrown by a row parser for a row it will not accept; becomes a {@link RejectedRow}. Carries no
 * stack trace: it is an expected outcome that a bad file may produce a million times.
 */
final class RowRejected extends Exception {
  private final String column;
  private final RejectReason reason;

  RowRejected(String column, RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.column = column;
    this.reason = reason;
  }

  RejectedRow at(long lineNumber) {
    return new RejectedRow(lineNumber, column, reason, getMessage());
  }
}
