package dev.nayose.ingest.adapter.in.http;

import dev.nayose.platform.dlq.DeadLetterQueues;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' admin API: what {@code nayose dlq} does with the dead-letter queues of the three
 * stages (list, peek, redrive, purge), over HTTP, through the same {@link DeadLetterQueues}.
 * Every request needs an operator key ({@link OperatorKeyFilter}); every change is logged with
 * the operator's name. Queues are named as the CLI names them: {@code uploads}, {@code chunks},
 * {@code matched}. Not in the partners' OpenAPI document.
 */
@RestController
@RequestMapping(path = "/admin/v1/queues", produces = MediaType.APPLICATION_JSON_VALUE)
@Hidden
class AdminController {
  static final int MAX_PEEK = 100;
  private static final Logger log = LoggerFactory.getLogger(AdminController.class);

  private final DeadLetterQueues queues;

  AdminController(DeadLetterQueues queues) {
    this.queues = queues;
  }

  /** Every stage queue: depth, in flight, delayed, DLQ depth, age of the oldest dead letter. */
  record Queues(List<DeadLetterQueues.QueueDepth> queues) {}

  /** Up to {@code max} dead letters of a queue, with why they failed. */
  record DeadLetters(String queue, List<DeadLetterQueues.DeadLetter> deadLetters) {}

  /**
   * A redrive: everything when empty; {@code max} and {@code ratePerSecond} 0 or absent for no
   * limit, a rate otherwise at least {@link DeadLetterQueues#MIN_RATE_PER_SECOND} a second;
   * {@code uploadId} absent for every upload.
   */
  record RedriveRequest(Boolean dryRun, Integer max, Double ratePerSecond, UUID uploadId) {}

  /** A purge must name the queue it empties in {@code confirm}. */
  record PurgeRequest(String confirm) {}

  record Purged(String queue, long purged) {}

  @GetMapping
  Queues list() {
    return new Queues(queues.list());
  }

  @GetMapping("/{queue}/dead-letters")
  DeadLetters peek(@PathVariable String queue, @RequestParam(defaultValue = "10") int max) {
    requireQueue(queue);
    if (max < 1 || max > MAX_PEEK) {
      throw new BadRequestException("max", "max must be 1.." + MAX_PEEK + ", not " + max);
    }
    return new DeadLetters(queue, queues.peek(queue, max));
  }

  @PostMapping("/{queue}/redrive")
  DeadLetterQueues.RedriveReport redrive(@RequestAttribute(OperatorKeyFilter.OPERATOR) AuthenticatedOperator operator,
      @PathVariable String queue, @RequestBody(required = false) RedriveRequest request) throws InterruptedException {
    requireQueue(queue);
    RedriveRequest r = request == null ? new RedriveRequest(null, null, null, null) : request;
    int max = r.max() == null ? 0 : r.max();
    double rate = r.ratePerSecond() == null ? 0 : r.ratePerSecond();
    if (max < 0) {
      throw new BadRequestException("max", "max must be 0 (no limit) or more, not " + max);
    }
    if (rate != 0 && !(Double.isFinite(rate) && rate >= DeadLetterQueues.MIN_RATE_PER_SECOND)) {
      throw new BadRequestException("ratePerSecond", "ratePerSecond must be 0 (no limit) or at least "
          + DeadLetterQueues.MIN_RATE_PER_SECOND + " messages a second, not " + rate);
    }
    var options = new DeadLetterQueues.RedriveOptions(Boolean.TRUE.equals(r.dryRun()), max, rate, r.uploadId());
    DeadLetterQueues.RedriveReport report = queues.redrive(queue, options);
    log.info("operator {} redrove dead letters of {} ({}): moved {}, skipped {}, dry run {}, upload {}",
        operator.name(), queue, report.mode(), report.moved(), report.skipped(), report.dryRun(), r.uploadId());
    return report;
  }

  @PostMapping("/{queue}/purge")
  Purged purge(@RequestAttribute(OperatorKeyFilter.OPERATOR) AuthenticatedOperator operator,
      @PathVariable String queue, @RequestBody(required = false) PurgeRequest request) {
    requireQueue(queue);
    if (request == null || !queue.equals(request.confirm())) {
      throw new BadRequestException("confirm", "a purge deletes every dead letter of " + queue
          + " for good; confirm it with the body {\"confirm\": \"" + queue + "\"}");
    }
    long purged = queues.purge(queue);
    log.warn("operator {} purged {} dead letter(s) of {}", operator.name(), purged, queue);
    return new Purged(queue, purged);
  }

  private void requireQueue(String queue) {
    if (!queues.logicalQueues().contains(queue)) {
      throw new QueueNotFoundException(queue, queues.logicalQueues());
    }
  }
}
