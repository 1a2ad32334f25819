package dev.nayose.intake;

import java.util.Objects;

/**
 * The file as a whole cannot be read as a posting file ({@link FileProblem}): it is empty, has no
 * header, lacks a required column, names a column twice, is another kind of file than CSV text,
 * declares an encoding it is not in, is not well-formed CSV or is beyond a limit. The upload fails
 * with this message as its reason, which the partner reads, so it says what the file is and what to
 * send instead.
 */
public class UnreadableFileException extends Exception {
  private final FileProblem problem;

  public UnreadableFileException(FileProblem problem, String message) {
    super(message);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The code of the problem, for programs. */
  public FileProblem problem() {
    return problem;
  }
}
