package dev.nayose.master;

/**
 * Told how far a read or import has come, to draw a progress bar. Called from the reading thread,
 * every few thousand rows and once at the end with {@code rowsDone == rowsTotal}.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (rowsDone, rowsTotal) -> {};

  /**
   * @param rowsDone rows read so far
   * @param rowsTotal an estimate of all rows (from the bytes of the file read so far; it moves as
   *     the read goes on and is never below {@code rowsDone}), or -1 when there is none yet
   */
  void progress(long rowsDone, long rowsTotal);
}
