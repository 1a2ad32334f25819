package dev.nayose.cli;

import dev.nayose.platform.ledger.PartnerUploadStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Follows an upload until it reaches a final state, printing progress as it changes. */
final class UploadWatch {

  /** Reads the current status; a {@link CliFailure} that is not {@link CliFailure.Exit#UNAVAILABLE} ends the watch. */
  interface StatusSource {
    PartnerUploadStatus read() throws Exception;
  }

  private UploadWatch() {}

  static PartnerUploadStatus untilFinal(StatusSource source, Duration timeout, PrintStream out)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    String lastError = null;
    PartnerUploadStatus status = null;
    boolean tty = System.console() != null;
    while (Instant.now().isBefore(deadline)) {
      try {
        status = source.read();
        lastError = null;
      } catch (InterruptedException e) {
        throw e;
      } catch (CliFailure e) {
        if (e.exit() != CliFailure.Exit.UNAVAILABLE) {
          throw e;
        }
        lastError = notice(out, lastError, e.getMessage());
      } catch (Exception transientError) {
        lastError = notice(out, lastError, CliErrors.explain(transientError).getMessage());
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
    UUID id = status == null ? null : status.uploadId();
    throw new CliFailure(CliFailure.Exit.NOT_COMPLETED, "the upload did not finish within " + timeout.toSeconds() + " s"
        + (status == null ? "" : ": " + StatusView.progressLine(status)),
        id == null ? "wait longer with --timeout" : "follow it with ./nayose status " + id + ", or wait longer with --timeout");
  }

  /** Prints a failed read once, not on every poll while it lasts. */
  private static String notice(PrintStream out, String lastError, String error) {
    if (!error.equals(lastError)) {
      out.println("(status not available yet: " + error + "; still trying)");
    }
    return error;
  }
}
