package dev.nayose.intake;

import java.io.IOException;
import java.util.Objects;

/**
 * What {@link PartnerFile#text()}'s reader throws when the file turns out unreadable while it is
 * read: a gzip or zip cut short or corrupt ({@link FileProblem#ARCHIVE_CONTENTS}), or more
 * decompressed bytes than an upload may hold ({@link FileProblem#LIMIT_EXCEEDED}). An
 * {@link IOException}, because a {@link java.io.Reader} may throw no other; unlike the storage's
 * own failures it is the partner's file, so retrying does not help: {@link #unreadable()} is the
 * file's failure ({@link CsvSplitter} throws it).
 */
public final class UnreadableContentException extends IOException {
  private final FileProblem problem;

  public UnreadableContentException(FileProblem problem, String message, Throwable cause) {
    super(message, cause);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** The code of the problem, for programs. */
  public FileProblem problem() {
    return problem;
  }

  /** The same problem as the file's failure. */
  public UnreadableFileException unreadable() {
    var e = new UnreadableFileException(problem, getMessage());
    e.initCause(this);
    return e;
  }
}
