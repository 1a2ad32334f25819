package dev.nayose.platform.queue;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The queues between the stages, shared by every service ({@code nayose.queues.*}). A queue's
 * full name is {@code prefix + logical name}; its dead-letter queue adds {@code deadLetterSuffix}.
 *
 * @param prefix prepended to every queue name, e.g. {@code nayose-prod-}
 * @param uploads logical name of the queue S3 notifies of new uploads
 * @param chunks logical name of the queue of row-chunks for the match workers
 * @param matched logical name of the queue of matched chunks for the loader
 * @param deadLetterSuffix appended to a queue's name to name its dead-letter queue
 * @param maxReceiveCount receives after which a stage gives up on a message and dead-letters it
 *     itself, with the reason; it must equal the redrive policy's maxReceiveCount of the queues
 */
@Validated
@ConfigurationProperties("nayose.queues")
public record QueueProperties(
    @DefaultValue("nayose-") String prefix,
    @DefaultValue("uploads") @NotBlank String uploads,
    @DefaultValue("chunks") @NotBlank String chunks,
    @DefaultValue("matched") @NotBlank String matched,
    @DefaultValue("-dlq") @NotBlank String deadLetterSuffix,
    @DefaultValue("5") @Min(1) int maxReceiveCount) {

  /** Placeholders of the full queue names, for {@code @SqsListener}; defaults match this record's. */
  public static final String UPLOADS_QUEUE = "${nayose.queues.prefix:nayose-}${nayose.queues.uploads:uploads}";
  public static final String CHUNKS_QUEUE = "${nayose.queues.prefix:nayose-}${nayose.queues.chunks:chunks}";
  public static final String MATCHED_QUEUE = "${nayose.queues.prefix:nayose-}${nayose.queues.matched:matched}";

  public String uploadsQueue() {
    return prefix + uploads;
  }

  public String chunksQueue() {
    return prefix + chunks;
  }

  public String matchedQueue() {
    return prefix + matched;
  }

  public String deadLetterQueue(String queue) {
    return queue + deadLetterSuffix;
  }
}
