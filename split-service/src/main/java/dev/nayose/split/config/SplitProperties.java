package dev.nayose.split.config;

import dev.nayose.contracts.ChunkSplit;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * split-service's settings ({@code nayose.split.*}); defaults in {@code application.yml}.
 *
 * @param maxRows postings per chunk message, 1..{@value ChunkSplit#MAX_POSTINGS} (the contract's
 *     limit, and the default)
 * @param maxBytes JSON bytes per chunk message, ids and postings together; 16KB..1MB (SQS takes up
 *     to 1 MiB). The default 160KB leaves room for the evidence match-service adds to the same
 *     postings in its message. A single row larger than this is rejected as ROW_TOO_LARGE
 * @param tempDir where the chunks, rejections and warnings of a file are spooled while it is read (about the
 *     size of its valid rows as JSON); deleted after each file
 * @param rejectionBatchSize rejected rows (and warnings) written per transaction: a file of millions of rejected
 *     rows holds no transaction of millions of rows
 */
@Validated
@ConfigurationProperties("nayose.split")
public record SplitProperties(
    @Min(1) @Max(ChunkSplit.MAX_POSTINGS) int maxRows,
    @NotNull DataSize maxBytes,
    @NotNull Path tempDir,
    @Min(1) @Max(100_000) int rejectionBatchSize) {

  static final DataSize MIN_BYTES = DataSize.ofKilobytes(16);
  static final DataSize MAX_BYTES = DataSize.ofMegabytes(1);

  public SplitProperties {
    if (maxBytes != null && (maxBytes.compareTo(MIN_BYTES) < 0 || maxBytes.compareTo(MAX_BYTES) > 0)) {
      throw new IllegalArgumentException("nayose.split.max-bytes must be 16KB..1MB, not " + maxBytes);
    }
  }
}
