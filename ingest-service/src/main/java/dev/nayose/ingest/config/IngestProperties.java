package dev.nayose.ingest.config;

import dev.nayose.ingest.app.UploadLimits;
import dev.nayose.intake.FileLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * ingest-service's settings ({@code nayose.ingest.*}); defaults in {@code application.yml}.
 *
 * @param partSize size of the parts a body is stored in (S3 multipart upload), and so the memory
 *     one upload in flight takes; bodies smaller than one part are stored with one PutObject.
 *     5MB..512MB (S3's minimum part size is 5 MiB). The largest body is {@code nayose.limits.max-bytes}
 *     (platform's {@code LimitsProperties}), at most 10,000 parts
 * @param maxConcurrentUploads uploads one instance stores at once; more are answered 503 with
 *     Retry-After. Heap needed for bodies: {@code maxConcurrentUploads * partSize}
 * @param publishS3Events publish the S3 {@code ObjectCreated} event to the uploads queue after
 *     storing an object. False in AWS, where the bucket notification sends it; true where the S3
 *     implementation cannot notify SQS (the local stack's S3Proxy)
 * @param idempotency how idempotency keys behave
 * @param sweep what happens to uploads that stopped moving before split-service took them
 */
@Validated
@ConfigurationProperties("nayose.ingest")
public record IngestProperties(
    @NotNull DataSize partSize,
    @Min(1) int maxConcurrentUploads,
    boolean publishS3Events,
    @NotNull @Valid Idempotency idempotency,
    @NotNull @Valid Sweep sweep) {

  /**
   * @param keyTtl how long a key names its upload after it was received; then the same key makes a
   *     new upload (Stripe keeps keys 24 hours)
   * @param repeatWait how long a request repeating a key waits for the key's first upload to be
   *     stored before it is answered 409 (in use, send again)
   */
  public record Idempotency(@NotNull Duration keyTtl, @NotNull Duration repeatWait) {}

  /**
   * @param interval how often this instance sweeps (every replica may)
   * @param receivingIdle a RECEIVING upload not touched for this long is completed from its object
   *     or failed; its ingest-service touches it at a quarter of this while storing
   * @param receivedIdle a RECEIVED upload unchanged for this long is announced to split-service again
   * @param batch uploads of each state taken per sweep
   */
  public record Sweep(@NotNull Duration interval, @NotNull Duration receivingIdle, @NotNull Duration receivedIdle,
      @Min(1) int batch) {}

  static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);
  static final DataSize MAX_PART_SIZE = DataSize.ofMegabytes(512);
  static final int MAX_PARTS = 10_000;

  public IngestProperties {
    if (partSize != null && (partSize.compareTo(MIN_PART_SIZE) < 0 || partSize.compareTo(MAX_PART_SIZE) > 0)) {
      throw new IllegalArgumentException("nayose.ingest.part-size must be 5MB..512MB, not " + partSize);
    }
  }

  /**
   * The limits of storing a body: the largest is {@code nayose.limits.max-bytes}
   * ({@link FileLimits#maxBytes()}), which must fit 10,000 parts (S3's limit) of {@code partSize}.
   */
  UploadLimits uploadLimits(FileLimits files) {
    long parts = (files.maxBytes() + partSize.toBytes() - 1) / partSize.toBytes();
    if (parts > MAX_PARTS) {
      throw new IllegalArgumentException(FileLimits.MAX_BYTES_SETTING + " (" + FileLimits.thousands(files.maxBytes())
          + " bytes) must be at most " + FileLimits.thousands(MAX_PARTS) + " parts of nayose.ingest.part-size ("
          + FileLimits.thousands(partSize.toBytes()) + " bytes), S3's limit of parts: raise the part size or lower "
          + "the limit");
    }
    return new UploadLimits(Math.toIntExact(partSize.toBytes()), files.maxBytes(), maxConcurrentUploads);
  }
}
