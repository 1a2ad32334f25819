package dev.nayose.platform.stage;

import io.awspring.cloud.sqs.listener.Visibility;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps a message invisible while its handler runs longer than the queue's visibility timeout:
 * every third of a timeout its visibility is set to one whole timeout again, so that SQS does not
 * hand the chunk to a second worker, which would match or load it in parallel and use up one of its
 * receives; one failed extension still leaves a third of a timeout for the next. A message handled
 * within a third of a timeout is never touched, so a quick transient failure is retried after the
 * queue's own timeout.
 *
 * <p>The extensions stop when the handler returns or throws, and at the latest after
 * {@code maxHandlingTime}: a handler that hangs must not hold its message for ever. After that the
 * message becomes visible within one visibility timeout and another worker may take it.
 */
final class VisibilityExtender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VisibilityExtender.class);

  private final Duration maxHandlingTime;
  private final MeterRegistry meters;
  private final ScheduledExecutorService scheduler;

  VisibilityExtender(Duration maxHandlingTime, MeterRegistry meters) {
    this.maxHandlingTime = maxHandlingTime;
    this.meters = meters;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "nayose-visibility-extender");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts extending the visibility of one message, received from a queue whose visibility
   * timeout is {@code timeout}, until the returned extension is closed.
   */
  Extension keepInvisible(Stage stage, Visibility visibility, Duration timeout) {
    int seconds = (int) Math.min(Math.max(1, timeout.toSeconds()), Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS);
    long intervalMillis = Math.max(250, seconds * 1000L / 3);
    Extension extension = new Extension(stage, visibility, seconds, MDC.getCopyOfContextMap(),
        Counter.builder("nayose.stage.visibility.extensions").tag("stage", stage.id())
            .description("Visibility timeout extensions of messages whose handling takes longer than a third of the timeout")
            .register(meters));
    extension.task = scheduler.scheduleAtFixedRate(extension::extend, intervalMillis, intervalMillis,
        TimeUnit.MILLISECONDS);
    return extension;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** The extensions of one message; closing stops them and leaves the current visibility in place. */
  final class Extension implements AutoCloseable {
    private final Stage stage;
    private final Visibility visibility;
    private final int seconds;
    private final Map<String, String> mdc;
    private final Counter extensions;
    private final long startNanos = System.nanoTime();
    private volatile ScheduledFuture<?> task;
    private volatile boolean closed;

    private Extension(Stage stage, Visibility visibility, int seconds, Map<String, String> mdc, Counter extensions) {
      this.stage = stage;
      this.visibility = visibility;
      this.seconds = seconds;
      this.mdc = mdc;
      this.extensions = extensions;
    }

    private void extend() {
      if (closed) {
        return;
      }
      Duration running = Duration.ofNanos(System.nanoTime() - startNanos);
      if (running.compareTo(maxHandlingTime) >= 0) {
        withMdc(() -> log.warn("{} has handled a message for {} s, longer than nayose.stage.max-handling-time; "
            + "its visibility is no longer extended and another worker may receive it within {} s",
            stage.id(), running.toSeconds(), seconds));
        task.cancel(false);
        return;
      }
      visibility.changeToAsync(seconds).whenComplete((ok, e) -> {
        if (e == null) {
          extensions.increment();
        } else if (!closed) {
          // the next tick tries again; if none succeeds the message is redelivered, which is safe
          withMdc(() -> log.warn("{} could not extend the visibility of a message: {}", stage.id(), e.toString()));
        }
      });
    }

    private void withMdc(Runnable logging) {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      if (mdc != null) {
        MDC.setContextMap(mdc);
      }
      try {
        logging.run();
      } finally {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      }
    }

    @Override
    public void close() {
      closed = true;
      ScheduledFuture<?> running = task;
      if (running != null) {
        running.cancel(false);
      }
    }
  }
}
