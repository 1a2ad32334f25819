package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A {@code nayose} command run in this JVM, as against {@code ./nayose up}'s stack described in {@code home}. */
final class CliRun {
  private CliRun() {}

  /**
   * What {@code nayose ARGS} printed on standard output; fails the test unless it exited with 0.
   *
   * @param home a home whose {@code .nayose/local-stack.json} describes the stack (see {@link LocalStackFile})
   */
  static String run(Path home, String... args) {
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
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("nayose %s printed %s", String.join(" ", args), printed).isZero();
    return printed;
  }
}
