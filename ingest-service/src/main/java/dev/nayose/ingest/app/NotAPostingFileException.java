package dev.nayose.ingest.app;

import dev.nayose.intake.FileProblem;
import dev.nayose.intake.UnreadableFileException;
import java.util.Objects;

/**
 * An upload whose first bytes already show it is not a posting file (a workbook, a PDF, an image,
 * binary data: intake's {@code PartnerFile.refusal}), refused before anything is stored.
 */
public class NotAPostingFileException extends RuntimeException {
  private final FileProblem problem;

  public NotAPostingFileException(UnreadableFileException refusal) {
    super(refusal.getMessage());
    this.problem = Objects.requireNonNull(refusal.problem(), "problem");
  }

  /** The code partners' programs read: {@link FileProblem#UNSUPPORTED_FORMAT} or {@link FileProblem#NOT_TEXT}. */
  public FileProblem problem() {
    return problem;
  }
}
