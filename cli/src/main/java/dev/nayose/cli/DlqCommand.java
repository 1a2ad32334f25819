package dev.nayose.cli;

import dev.nayose.platform.dlq.DeadLetterQueues;
import dev.nayose.platform.dlq.RedriveLedger;
import dev.nayose.platform.queue.QueueProperties;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import tools.jackson.databind.JsonNode;

/**
 * {@code nayose dlq}: the dead-letter queues of the three stages. Against the local stack of
 * {@code nayose up} without configuration; against AWS with the SDK's usual credentials and region,
 * {@code NAYOSE_QUEUES_PREFIX} (default {@code nayose-}) and, for another endpoint,
 * {@code NAYOSE_SQS_ENDPOINT}. Redrives are recorded in the upload ledger (PostgreSQL, see
 * {@link Targets}).
 */
@Command(name = "dlq", description = "Inspect, redrive and purge the dead-letter queues.",
    subcommands = {DlqCommand.ListQueues.class, DlqCommand.Peek.class, DlqCommand.Redrive.class, DlqCommand.Purge.class})
final class DlqCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * Runs {@code operation} on the dead-letter queues; SQS that cannot be reached, or a queue that
   * does not exist, fails naming the endpoint and what to do.
   */
  static <T> T withQueues(boolean recordRedrives, Function<DeadLetterQueues, T> operation) {
    Workspace workspace = Workspace.locate();
    JsonNode local = Targets.local(workspace, NayoseCli.JSON);
    String endpoint = System.getenv().getOrDefault("NAYOSE_SQS_ENDPOINT", local.path("sqsEndpoint").asString(null));
    String where = endpoint == null ? "AWS SQS (the SDK's region and credentials)" : endpoint;
    try {
      return operation.apply(queues(recordRedrives));
    } catch (QueueDoesNotExistException e) {
      throw CliFailure.input("a queue does not exist at " + where + " (" + e.awsErrorDetails().errorMessage() + ")",
          "check NAYOSE_QUEUES_PREFIX (default nayose-)");
    } catch (SdkClientException e) {
      throw CliErrors.unreachable("SQS", where, e, endpoint == null ? "check the AWS region and credentials, or set"
          + " NAYOSE_SQS_ENDPOINT" : CliErrors.startOrPoint("NAYOSE_SQS_ENDPOINT"));
    }
  }

  static DeadLetterQueues queues(boolean recordRedrives) {
    Workspace workspace = Workspace.locate();
    JsonNode local = Targets.local(workspace, NayoseCli.JSON);
    Map<String, String> env = System.getenv();
    SqsClientBuilder builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create());
    String endpoint = env.getOrDefault("NAYOSE_SQS_ENDPOINT", local.path("sqsEndpoint").asString(null));
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    if (!local.path("accessKey").isMissingNode() && !env.containsKey("NAYOSE_SQS_ENDPOINT")) {
      builder.region(Region.of(local.path("region").asString()))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(local.path("accessKey").asString(), local.path("secretKey").asString())));
    }
    String prefix = env.getOrDefault("NAYOSE_QUEUES_PREFIX", local.path("queuePrefix").asString("nayose-"));
    QueueProperties properties = new QueueProperties(prefix, "uploads", "chunks", "matched", "-dlq", 5);
    DeadLetterQueues.RedriveListener listener = recordRedrives
        ? new RedriveLedger(JdbcClient.create(Targets.resolve(workspace, NayoseCli.JSON).dataSource()))
        : DeadLetterQueues.RedriveListener.NONE;
    return new DeadLetterQueues(builder.build(), properties, listener, Clock.systemUTC());
  }

  static void json(Object value) {
    System.out.println(NayoseCli.JSON.writeValueAsString(value));
  }

  @Command(name = "list", description = "Every queue: depth, in flight, delayed, DLQ depth, age of the oldest dead letter.")
  static final class ListQueues implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      List<DeadLetterQueues.QueueDepth> depths = withQueues(false, DeadLetterQueues::list);
      if (json) {
        json(depths);
        return 0;
      }
      PrintStream out = System.out;
      out.printf("%-8s %-6s %8s %9s %8s %8s %s%n", "queue", "stage", "visible", "in flight", "delayed", "DLQ", "oldest dead letter");
      for (DeadLetterQueues.QueueDepth d : depths) {
        out.printf(Locale.ROOT, "%-8s %-6s %8d %9d %8d %8d %s%n", d.queue(), d.stage(), d.visible(), d.inFlight(), d.delayed(),
            d.deadLetters(), d.oldestDeadLetterAge() == null ? "-" : age(d.oldestDeadLetterAge()));
      }
      return 0;
    }
  }

  @Command(name = "peek", description = "Dead letters of QUEUE with why they failed, without consuming them.")
  static final class Peek implements Callable<Integer> {
    @Parameters(paramLabel = "QUEUE", description = "uploads, chunks or matched")
    String queue;

    @Option(names = "--max", defaultValue = "10", description = "At most this many (default ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      List<DeadLetterQueues.DeadLetter> letters = withQueues(false, q -> q.peek(queue, max));
      if (json) {
        json(letters);
        return 0;
      }
      for (DeadLetterQueues.DeadLetter d : letters) {
        System.out.printf(Locale.ROOT, "%s  receives %d  redriven %d  upload %s chunk %s%n    %s %s: %s (%s) first failed %s%n",
            d.messageId(), d.receiveCount(), d.redriveCount(), d.uploadId(), d.chunk(), d.stage(), d.cause(),
            d.errorMessage(), d.errorClass(), d.firstFailure());
      }
      System.out.println(letters.size() + " dead letter(s) shown");
      return 0;
    }
  }

  @Command(name = "redrive", description = "Move dead letters of QUEUE back to QUEUE (send, then delete).")
  static final class Redrive implements Callable<Integer> {
    @Parameters(paramLabel = "QUEUE", description = "uploads, chunks or matched")
    String queue;

    @Option(names = "--dry-run", description = "Only count what would move.")
    boolean dryRun;

    @Option(names = "--max", defaultValue = "0", description = "At most this many (0: all).")
    int max;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "N",
        description = "At most N messages a second, at least 0.01 (0: no limit).")
    double rate;

    @Option(names = "--upload", paramLabel = "ID", description = "Only the dead letters of this upload.")
    UUID upload;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      if (max < 0) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--max must be 0 (all) or more, not " + max);
      }
      if (rate != 0 && !(Double.isFinite(rate) && rate >= DeadLetterQueues.MIN_RATE_PER_SECOND)) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--rate must be 0 (no limit) or at least "
            + DeadLetterQueues.MIN_RATE_PER_SECOND + " messages a second, not " + rate);
      }
      var options = new DeadLetterQueues.RedriveOptions(dryRun, max, rate, upload);
      DeadLetterQueues.RedriveReport report = withQueues(!dryRun, q -> {
        try {
          return q.redrive(queue, options);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CliFailure(CliFailure.Exit.NOT_COMPLETED, "the redrive of " + queue + " was interrupted",
              "run it again: what was moved is back in " + queue + ", the rest still in its DLQ");
        }
      });
      if (json) {
        json(report);
      } else {
        System.out.printf("%s %d message(s) of %s back to it (%s)%s%n", dryRun ? "would move" : "moved", report.moved(),
            queue, report.mode(), report.skipped() > 0 ? "; " + report.skipped() + " of other uploads left" : "");
      }
      return 0;
    }
  }

  @Command(name = "purge", description = "Delete every dead letter of QUEUE (needs --yes).")
  static final class Purge implements Callable<Integer> {
    @Parameters(paramLabel = "QUEUE", description = "uploads, chunks or matched")
    String queue;

    @Option(names = "--yes", description = "Yes, delete them.")
    boolean yes;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
      if (!yes) {
        System.err.println("dlq purge deletes every dead letter of " + queue + " for good; add --yes");
        return 2;
      }
      long purged = withQueues(false, q -> q.purge(queue));
      if (json) {
        json(Map.of("queue", queue, "purged", purged));
      } else {
        System.out.println("purged " + purged + " dead letter(s) of " + queue);
      }
      return 0;
    }
  }

  private static String age(Duration age) {
    long seconds = age.toSeconds();
    return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
  }
}
