package dev.nayose.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The {@code nayose} command. */
@Command(name = "nayose", mixinStandardHelpOptions = true, version = "nayose " + Workspace.VERSION,
    description = "Entity resolution of job postings against the company master, as event-driven services.",
    subcommands = {UpCommand.class, DemoCommand.class, ImportMasterCommand.class, UploadCommand.class,
        StatusCommand.class, ExportCommand.class, MatchFileCommand.class, DlqCommand.class, OperatorKeyCommand.class,
        CallbackSecretCommand.class, BenchCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class NayoseCli implements Runnable {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new NayoseCli())
        .setExecutionExceptionHandler((e, cmd, parsed) -> CliErrors.report(cmd.getCommandSpec().qualifiedName(), e,
            cmd.getErr()));
  }
}
