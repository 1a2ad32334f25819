package dev.nayose.master;

import java.io.IOException;

/**
 * Receives the accepted rows of a master file one at a time, so that a file of millions of rows
 * is never held in memory. May throw {@link IOException} (it usually writes somewhere); the read
 * then stops with that exception.
 */
@FunctionalInterface
public interface RowHandler<T> {
  /**
   * @param lineNumber the 1-based line where the row starts (for NTA companies: the line of the
   *     current record of the corporate number)
   */
  void accept(long lineNumber, T row) throws IOException;
}
