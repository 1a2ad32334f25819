package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs a {@code nayose} command in this JVM as an operator runs it against {@code ./nayose up}: it
 * finds the stack through the {@code local-stack.json} in {@code home} (see {@link LocalStackFile}).
 * Commands run one at a time: they share {@code System.out} and the {@code nayose.home} property.
 */
final class LocalCli {
  private LocalCli() {}

  /** What a command printed on standard output, and its exit code. */
  record Result(int exit, String printed) {}

  static synchronized Result run(Path home, String... args) {
    PrintStream stdout = System.out;
    var out = new ByteArrayOutputStream();
    System.setProperty("nayose.home", home.toString());
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = NayoseCli.commandLine().execute(args);
    } finally {
      System.setOut(stdout);
      System.clearProperty("nayose.home");
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8));
  }

  /** What {@code nayose ARGS} printed on standard output; fails the test unless it exited with 0. */
  static String succeeded(Path home, String... args) {
    Result result = run(home, args);
    assertThat(result.exit()).as("nayose %s printed %s", String.join(" ", args), result.printed()).isZero();
    return result.printed();
  }
}
