package dev.nayose.masterstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows for {@code COPY ... FROM STDIN} in PostgreSQL's text format: fields separated by tabs,
 * {@code \N} for null, and backslash, tab, newline and carriage return escaped with a backslash,
 * so that any text a master file holds arrives unchanged.
 *
 * <p>Rows are collected in a character buffer and encoded to UTF-8 (the driver's client encoding)
 * a block at a time: much cheaper than a {@code Writer} call per field.
 */
final class CopyText {
  private static final int FLUSH_AT = 64 * 1024;

  private final PGCopyOutputStream out;
  private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
  private boolean rowStarted;

  private CopyText(PGCopyOutputStream out) {
    this.out = out;
  }

  /** Starts {@code copy <table> (<columns>) from stdin} on the connection. */
  static CopyText start(Connection connection, String table, String columns) throws SQLException {
    CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI()
        .copyIn("copy " + table + " (" + columns + ") from stdin (format text, encoding 'UTF8')");
    return new CopyText(new PGCopyOutputStream(copyIn, FLUSH_AT));
  }

  CopyText field(String value) {
    separate();
    if (value == null) {
      buffer.append("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
    return this;
  }

  CopyText field(long value) {
    separate();
    buffer.append(value);
    return this;
  }

  CopyText field(LocalDate value) {
    return field(value == null ? null : value.toString());
  }

  void endRow() throws IOException {
    buffer.append('\n');
    rowStarted = false;
    if (buffer.length() >= FLUSH_AT) {
      flushBuffer();
    }
  }

  /** Sends what is left and ends the COPY; returns the rows the server took. */
  long finish() throws IOException, SQLException {
    flushBuffer();
    out.flush();
    return out.endCopy();
  }

  /** Abandons the COPY so that the connection can roll back; quiet, the caller is already failing. */
  void abort() {
    try {
      if (out.isActive()) {
        out.cancelCopy();
      }
    } catch (SQLException ignored) {
      // the transaction is rolled back or the connection discarded by the caller
    }
  }

  private void separate() {
    if (rowStarted) {
      buffer.append('\t');
    }
    rowStarted = true;
  }

  private void flushBuffer() throws IOException {
    if (buffer.length() > 0) {
      out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
      buffer.setLength(0);
    }
  }
}
