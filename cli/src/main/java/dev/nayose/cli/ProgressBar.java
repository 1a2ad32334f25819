package dev.nayose.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal, or a line every 10 % when the output is not a terminal
 * (CI logs stay readable).
 */
final class ProgressBar {
  private static final int WIDTH = 30;

  private final String label;
  private final PrintStream out;
  private final boolean tty = System.console() != null;
  private final long startNanos = System.nanoTime();
  private int lastTenth = -1;
  private long lastDrawNanos;

  ProgressBar(String label, PrintStream out) {
    this.label = label;
    this.out = out;
  }

  /** {@code total} may be -1 when unknown. */
  synchronized void update(long done, long total) {
    long now = System.nanoTime();
    if (tty) {
      if (now - lastDrawNanos < 100_000_000L && done != total) {
        return;
      }
      lastDrawNanos = now;
      out.print("\r" + line(done, total));
    } else {
      int tenth = total > 0 ? (int) (10 * done / total) : (int) (done / 100_000);
      if (tenth != lastTenth) {
        lastTenth = tenth;
        out.println(line(done, total));
      }
    }
  }

  synchronized void finish(String summary) {
    if (tty) {
      out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
    }
    out.printf("%s: %s in %.1f s%n", label, summary, (System.nanoTime() - startNanos) / 1e9);
  }

  private String line(long done, long total) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    if (total <= 0) {
      return String.format("%s %,d rows  %.1f s", label, done, seconds);
    }
    int filled = (int) Math.min(WIDTH, WIDTH * done / total);
    return String.format("%s [%s%s] %3d%%  %,d rows  %.1f s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
        Math.min(100, 100 * done / total), done, seconds);
  }
}
