package dev.nayose.split.app;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.S3EventNotification;
import dev.nayose.contracts.TextEncoding;
import dev.nayose.contracts.UploadObject;
import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadTransition;
import dev.nayose.platform.stage.PoisonMessageException;
import dev.nayose.intake.ChunkLimits;
import dev.nayose.intake.CsvSplitter;
import dev.nayose.intake.PartnerFile;
import dev.nayose.intake.RejectionCode;
import dev.nayose.intake.SplitSummary;
import dev.nayose.intake.UnreadableFileException;
import dev.nayose.intake.UploadText;
import dev.nayose.intake.WarningCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The split stage: an S3 {@code ObjectCreated} event of an upload in, the upload's rows checked,
 * its postings published as {@link ChunkSplit}s, its rejected rows and the warnings of its fields
 * recorded with reasons.
 *
 * <p>Per upload, in this order, each step safe to repeat: (1) read the whole file, spooling
 * chunks, rejections and warnings to disk; (2) its rejections and warnings are replaced, in
 * transactions of a bounded number of rows, then one short transaction makes the upload {@code SPLIT}
 * with its counts; (3) the chunks are published; (4) the ledger settles the
 * upload (an upload without valid rows completes here). A failure anywhere is retried from the
 * start: splitting the same file again gives the same chunks, and the loader loads a chunk once.
 *
 * <p>Classification: an event that is not an upload of this system, or whose object is gone, is
 * poison ({@link PoisonMessageException}); an upload whose row is missing or still
 * {@code RECEIVING} is not ready ({@link UploadNotReadyException}, retried); a file that cannot be
 * read as a whole (empty, no header, ...) fails the upload with the reason — the partner's input,
 * shown in the upload's status — and the event is done. Storage and database errors propagate.
 */
public class UploadSplitHandler {
  private static final Logger log = LoggerFactory.getLogger(UploadSplitHandler.class);
  /** A posting of the least size, to measure what a chunk message takes besides its postings. */
  private static final JobPosting PROBE = new JobPosting(2, "p", "c", null, null, null, null, null, null, null, null,
      null, null, null, null, null, null);

  private final Uploads uploads;
  private final UploadObjects objects;
  private final ChunkPublisher publisher;
  private final UploadSettlement ledger;
  private final SplitSettings settings;
  private final JsonMapper json;
  private final MeterRegistry meters;

  public UploadSplitHandler(Uploads uploads, UploadObjects objects, ChunkPublisher publisher, UploadSettlement ledger,
      SplitSettings settings, JsonMapper json, MeterRegistry meters) {
    this.uploads = Objects.requireNonNull(uploads, "uploads");
    this.objects = Objects.requireNonNull(objects, "objects");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.json = Objects.requireNonNull(json, "json");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  public void handle(S3EventNotification event) {
    if (event.isTestEvent()) {
      log.info("ignoring the s3:TestEvent S3 sends when a notification is configured");
      count("test-event");
      return;
    }
    for (S3EventNotification.Record record : event.records()) {
      if (!record.isObjectCreated()) {
        log.info("ignoring an S3 {} event: only ObjectCreated events are uploads", record.eventName());
        count("not-created");
        continue;
      }
      split(record.s3());
    }
  }

  private void split(S3EventNotification.S3 s3) {
    if (!settings.bucket().equals(s3.bucket().name())) {
      throw new PoisonMessageException("the event is about bucket " + s3.bucket().name()
          + ", uploads are stored in " + settings.bucket());
    }
    String key = s3.object().decodedKey();
    UploadObject object;
    try {
      object = UploadObject.parse(key);
    } catch (IllegalArgumentException e) {
      throw new PoisonMessageException(e.getMessage(), e);
    }
    UUID uploadId = object.uploadId();
    Upload upload = uploads.find(uploadId).orElseThrow(() -> new UploadNotReadyException(
        "upload " + uploadId + " is not recorded (yet): the event may have overtaken ingest-service's commit"));
    if (!upload.partnerId().equals(object.partnerId()) || !key.equals(upload.objectKey())) {
      throw new PoisonMessageException("object " + key + " is not the file of upload " + uploadId + " of partner "
          + upload.partnerId());
    }
    if (upload.state() == UploadState.RECEIVING) {
      throw new UploadNotReadyException("upload " + uploadId + " is still RECEIVING: its file is not stored yet");
    }
    if (!UploadTransition.SPLIT_RECORDED.appliesTo(upload.state())) {
      log.info("upload {} is {} already; nothing to split", uploadId, upload.state());
      count("done-already");
      return;
    }
    StoredObject stored;
    try {
      stored = objects.open(key);
    } catch (ObjectNotFoundException e) {
      throw new PoisonMessageException("the file of upload " + uploadId + " is not in storage: " + e.getMessage(), e);
    }
    try (InputStream content = stored.content();
        var spool = new SplitSpool(settings.spoolDirectory(), uploadId, json)) {
      split(upload, stored.metadata(), content, spool);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the file of upload " + uploadId + " failed", e);
    }
  }

  private void split(Upload upload, Map<String, String> metadata, InputStream content, SplitSpool spool)
      throws IOException {
    UUID uploadId = upload.uploadId();
    long started = System.nanoTime();
    PartnerFile file;
    try {
      file = PartnerFile.open(content, metadata.get(UploadObject.META_ENCODING), settings.fileLimits());
    } catch (UnreadableFileException e) {
      fail(upload, e, null);
      return;
    }
    UploadText text = file.text();
    SplitSummary summary;
    try (file) {
      summary = new CsvSplitter(limits(upload), publisher::sizeOf, settings.fileLimits(),
          settings.spoolDirectory())
          .split(text.reader(), UploadText.displayName(text.encoding()), spool, spool, spool);
      file.finish();
    } catch (UnreadableFileException e) {
      fail(upload, e, text.encoding());
      return;
    }
    spool.finish();
    if (!uploads.recordSplit(uploadId, text.encoding(), summary, spool.rejections(), spool.warnings())) {
      log.info("upload {} left the splittable states while it was split; its chunks are not published", uploadId);
      count("done-already");
      return;
    }
    int index = 0;
    for (Iterator<List<JobPosting>> chunks = spool.chunks(); chunks.hasNext(); index++) {
      publisher.publish(ChunkSplit.of(uploadId, upload.partnerId(), index, summary.chunkCount(), chunks.next()));
    }
    if (index != summary.chunkCount()) {
      throw new IllegalStateException("spooled " + index + " chunks of upload " + uploadId + ", expected "
          + summary.chunkCount());
    }
    ledger.settle(uploadId).ifPresent(state -> log.info("upload {} is {}", uploadId, state));
    log.info("split upload {} of partner {} ({} {}): {} rows, {} accepted, {} rejected ({} duplicate posting ids), "
            + "{} chunk(s) in {} ms; rejections by code {}; {} row(s) with warnings, warnings by code {}; "
            + "ignored columns {}",
        uploadId, upload.partnerId(), text.encoding(), text.declared() ? "declared" : "detected", summary.rowsTotal(),
        summary.rowsAccepted(), summary.rowsRejected(), summary.rowsDuplicate(), summary.chunkCount(),
        (System.nanoTime() - started) / 1_000_000, summary.rejectionsByCode(), summary.rowsWithWarnings(),
        summary.warningsByCode(), summary.unknownColumns());
    count("split");
    meters.counter("nayose.split.rows", "outcome", "accepted").increment(summary.rowsAccepted());
    meters.counter("nayose.split.rows", "outcome", "rejected").increment(summary.rowsRejected());
    for (Map.Entry<RejectionCode, Long> e : summary.rejectionsByCode().entrySet()) {
      meters.counter("nayose.split.rejections", "code", e.getKey().name()).increment(e.getValue());
    }
    for (Map.Entry<WarningCode, Long> e : summary.warningsByCode().entrySet()) {
      meters.counter("nayose.split.warnings", "code", e.getKey().name()).increment(e.getValue());
    }
  }

  /** The chunk limits of this upload: the message limit less what its ids take. */
  private ChunkLimits limits(Upload upload) {
    int envelope = publisher.sizeOf(ChunkSplit.of(upload.uploadId(), upload.partnerId(), Integer.MAX_VALUE - 1,
        Integer.MAX_VALUE, List.of(PROBE))) - publisher.sizeOf(PROBE);
    // envelope counts the brackets of the postings array, which ChunkLimits counts as the postings'
    return new ChunkLimits(settings.maxPostings(), settings.maxMessageBytes() - envelope + 2);
  }

  private void fail(Upload upload, UnreadableFileException e, TextEncoding encoding) {
    String file = upload.originalName() != null ? upload.originalName()
        : UploadObject.parse(upload.objectKey()).fileName();
    String reason = "file '" + file + "': " + e.getMessage();
    if (uploads.markFailed(upload.uploadId(), e.problem(), reason, encoding)) {
      // the reason names columns and lines, never a row's values
      log.warn("upload {} of partner {} FAILED, its file cannot be read as a whole: {}", upload.uploadId(),
          upload.partnerId(), e.getMessage());
      count("failed");
    } else {
      log.info("upload {} left the splittable states while it was read; not marked FAILED", upload.uploadId());
      count("done-already");
    }
  }

  private void count(String outcome) {
    Counter.builder("nayose.split.uploads").tag("outcome", outcome)
        .description("Upload events handled by split-service, by outcome").register(meters).increment();
  }
}
