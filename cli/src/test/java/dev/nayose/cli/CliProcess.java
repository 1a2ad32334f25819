package dev.nayose.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code nayose ARGS} as a process of its own, from the CLI's runnable jar, as the {@code ./nayose} launcher runs it. */
final class CliProcess {
  private CliProcess() {}

  /**
   * Starts {@code nayose args} with {@code NAYOSE_HOME=home} (where it finds {@code .nayose/local-stack.json}) and
   * no other {@code NAYOSE_*} variable; its output goes to {@code out/NAME.out}, its errors to {@code out/NAME.err}.
   */
  static Process start(Path home, Path out, String name, String... args) throws IOException {
    return start("-Xmx256m", home, out, name, args);
  }

  /** As {@link #start(Path, Path, String, String...)} with a heap of its own ({@code -Xmx1g}). */
  static Process start(String heap, Path home, Path out, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
        Workspace.locate().serviceJar("cli").toString()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command)
        .redirectOutput(out.resolve(name + ".out").toFile())
        .redirectError(out.resolve(name + ".err").toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("NAYOSE_"));
    builder.environment().put("NAYOSE_HOME", home.toString());
    return builder.start();
  }
}
