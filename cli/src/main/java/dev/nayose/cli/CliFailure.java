package dev.nayose.cli;

import java.util.Objects;

/**
 * A command that could not do its work, said the way {@code nayose} says it: what failed, naming
 * the URL or file it tried, then what to do about it. {@link CliErrors} renders every error of
 * every command through one of these; {@link Exit} is the process's exit code.
 */
final class CliFailure extends RuntimeException {

  /** The exit codes of {@code nayose}, as README.md's table lists them. */
  enum Exit {
    /** The command ran, but what it followed did not end well: an upload STALLED or FAILED, or not finished in time. */
    NOT_COMPLETED(1),
    /** The command line is wrong (picocli's own code for it). */
    USAGE(2),
    /** What the command was given cannot be used: a file, an id, a key, a value the service refused (4xx). */
    INPUT(3),
    /** Something the command needs is not there or not answering: ingest-service, PostgreSQL, SQS (also 5xx, and busy past the wait). */
    UNAVAILABLE(4),
    /** Anything else: a fault of nayose's own ({@code NAYOSE_DEBUG=1} prints the stack trace). */
    INTERNAL(5);

    final int code;

    Exit(int code) {
      this.code = code;
    }
  }

  private final Exit exit;
  private final String remedy;

  CliFailure(Exit exit, String problem, String remedy) {
    this(exit, problem, remedy, null);
  }

  CliFailure(Exit exit, String problem, String remedy, Throwable cause) {
    super(Objects.requireNonNull(problem, "problem"), cause);
    this.exit = Objects.requireNonNull(exit, "exit");
    this.remedy = remedy;
  }

  static CliFailure input(String problem, String remedy) {
    return new CliFailure(Exit.INPUT, problem, remedy);
  }

  static CliFailure unavailable(String problem, String remedy, Throwable cause) {
    return new CliFailure(Exit.UNAVAILABLE, problem, remedy, cause);
  }

  Exit exit() {
    return exit;
  }

  /** What to do; null when the problem says it all. */
  String remedy() {
    return remedy;
  }
}
