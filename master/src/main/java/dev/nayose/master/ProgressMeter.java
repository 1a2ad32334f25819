package dev.nayose.master;

/**
 * Counts rows and tells a {@link ProgressListener} now and then, estimating the total from the
 * share of the file's bytes read so far (rows are about the same size throughout a master file).
 */
final class ProgressMeter {
  /** Often enough for a smooth bar, rare enough to cost nothing next to parsing. */
  private static final int EVERY = 8_192;

  private final ProgressListener listener;
  private final MasterInput input;
  private long rows;

  ProgressMeter(ProgressListener listener, MasterInput input) {
    this.listener = listener == null ? ProgressListener.NONE : listener;
    this.input = input;
  }

  void row() {
    rows++;
    if (rows % EVERY == 0) {
      long bytes = input.bytesRead();
      long estimate = bytes <= 0 ? -1 : Math.max(rows, (long) (rows * ((double) input.fileSize() / bytes)));
      listener.progress(rows, estimate);
    }
  }

  void done() {
    listener.progress(rows, rows);
  }
}
