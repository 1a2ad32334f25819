package dev.nayose.ingest.app;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.JobPosting;
import dev.nayose.ingest.domain.BodyTooLargeException;
import dev.nayose.ingest.domain.BoundedBody;
import dev.nayose.intake.ChunkLimits;
import dev.nayose.intake.FileCheck;
import dev.nayose.intake.FileReport;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a file before it is sent for real ({@code POST /v1/uploads?dryRun=true}): reads the body
 * with {@link FileCheck}, as split-service will read the stored file, and stores nothing: no upload
 * row, no object, no message. It takes one of the upload slots while the body arrives and honours
 * the upload's byte limit, as a real upload does, so that dry runs cannot crowd out real uploads
 * nor read more than would be accepted.
 */
public class DryRunHandler {
  private static final Logger log = LoggerFactory.getLogger(DryRunHandler.class);
  /** A posting of the smallest size, to measure what a chunk message takes besides its postings. */
  private static final JobPosting PROBE = new JobPosting(2, "p", "c", null, null, null, null, null, null, null, null,
      null, null, null, null, null, null);

  private final UploadSlots slots;
  private final long maxBytes;
  private final DryRunSettings settings;
  private final ToIntFunction<Object> sizeOf;
  private final MeterRegistry meters;

  /**
   * @param maxBytes the largest body accepted, as for a real upload
   * @param sizeOf bytes a message takes as JSON on the chunks queue, as the split measures it
   */
  public DryRunHandler(UploadSlots slots, long maxBytes, DryRunSettings settings, ToIntFunction<Object> sizeOf,
      MeterRegistry meters) {
    this.slots = Objects.requireNonNull(slots, "slots");
    this.maxBytes = maxBytes;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sizeOf = Objects.requireNonNull(sizeOf, "sizeOf");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  /**
   * @param request what the partner asked (its declared encoding is used, the rest ignored: nothing is stored)
   * @param body the file's bytes, read to their end or to the problem that makes the file unreadable
   * @return the report; an unreadable file is a report too ({@link FileReport#readable()} false)
   * @throws EmptyUploadException the body has no bytes (a real upload is refused alike)
   * @throws BodyTooLargeException the body is longer than allowed
   * @throws TooManyUploadsException every upload slot is taken
   * @throws IOException the body could not be read (the partner went away)
   */
  public FileReport check(UploadRequest request, InputStream body) throws IOException {
    try {
      slots.acquire();
    } catch (TooManyUploadsException e) {
      count("busy");
      throw e;
    }
    long started = System.nanoTime();
    try {
      var bounded = new BoundedBody(body, maxBytes);
      var in = new PushbackInputStream(bounded, 1);
      int first = in.read();
      if (first < 0) {
        count("empty");
        throw new EmptyUploadException();
      }
      in.unread(first);
      // the check closes what it reads; the body is the container's, and read on below
      var unclosed = new FilterInputStream(in) {
        @Override
        public void close() {
        }
      };
      FileReport report = FileCheck.check(unclosed, request.encoding() == null ? null : request.encoding().name(),
          settings.fileLimits(), chunkLimits(request.partnerId()), sizeOf::applyAsInt, settings.spillDirectory(),
          settings.firstFindings());
      // an unreadable file is reported at its problem: the rest of the body is read (and counted
      // against the limit, as a real upload's) so that the partner's client gets the answer, not a reset
      in.transferTo(OutputStream.nullOutputStream());
      log.info("dry run of partner {} ({} bytes read, {} ms): {} {}, {} rows, {} kept, {} rejected, {} with warnings",
          request.partnerId(), bounded.bytes(), (System.nanoTime() - started) / 1_000_000, report.verdict(),
          report.readable() ? report.encoding() : report.problem(), report.rows(), report.rowsKept(),
          report.rowsRejected(), report.rowsWithWarnings());
      count(report.readable() ? "readable" : "unreadable");
      return report;
    } catch (BoundedBody.TooLong e) {
      count("too-large");
      throw new BodyTooLargeException(e.maxBytes());
    } finally {
      slots.release();
    }
  }

  /** The split's chunk limits for this partner: the message limit less what the ids take (split-service's own sum). */
  private ChunkLimits chunkLimits(String partnerId) {
    int envelope = sizeOf.applyAsInt(ChunkSplit.of(UUID.randomUUID(), partnerId, Integer.MAX_VALUE - 1,
        Integer.MAX_VALUE, List.of(PROBE))) - sizeOf.applyAsInt(PROBE);
    return new ChunkLimits(settings.maxPostings(), settings.maxMessageBytes() - envelope + 2);
  }

  private void count(String outcome) {
    meters.counter("nayose.ingest.dry-runs", "outcome", outcome).increment();
  }
}
