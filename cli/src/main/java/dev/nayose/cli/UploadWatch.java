package dev.nayose.cli;

import dev.nayose.platform.ledger.UploadStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Follows an upload until it reaches a final state, printing progress as it changes. */
final class UploadWatch {

  /** Reads the current status; may throw on a transient error, which is retried. */
  interface StatusSource {
    UploadStatus read() throws Exception;
  }

  private UploadWatch() {}

  static UploadStatus untilFinal(StatusSource source, Duration timeout, PrintStream out) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    UploadStatus status = null;
    boolean tty = System.console() != null;
    while (Instant.now().isBefore(deadline)) {
      try {
        status = source.read();
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception transientError) {
        out.println("(status not available yet: " + transientError.getMessage() + ")");
      }
      if (status != null) {
        String line = StatusView.progressLine(status);
        if (!Objects.equals(line, last)) {
          out.print(tty ? "\r" + line : line + System.lineSeparator());
          last = line;
        }
        if (IngestClient.isFinal(status)) {
          if (tty) {
            out.println();
          }
          return status;
        }
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("upload not finished after " + timeout.toSeconds() + " s"
        + (status == null ? "" : ": " + StatusView.progressLine(status)));
  }
}
