package dev.nayose.master;

import java.io.IOException;

/**
 * A master file that cannot be read at all: no header row, a required column missing, an empty
 * zip, CSV quoting that makes the rest of the file unreadable. A bad row is not this, it is a
 * {@link RejectedRow}. The message names the file and, where it applies, the column or line.
 */
public class MasterFileException extends IOException {
  public MasterFileException(String message) {
    super(message);
  }

  public MasterFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
