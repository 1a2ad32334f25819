package dev.nayose.platform.limits;

import dev.nayose.intake.FileLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The most one upload may hold ({@code nayose.limits.*}), the same for every service that reads
 * a file: ingest-service refuses a larger body with 413, split-service fails a file beyond a limit
 * with {@code LIMIT_EXCEEDED}. Bound once here, used as the {@link FileLimits} bean. The defaults
 * are {@link FileLimits#DEFAULTS}.
 *
 * @param maxBytes the largest file, raw or multipart body, and its text once decompressed; at
 *     most 10,000 parts of {@code nayose.ingest.part-size} (S3's limit)
 * @param maxRows data rows of a file (the header and blank lines not counted)
 * @param maxColumns columns of a file's header, at least 2
 * @param maxFieldChars characters of one field; a record may hold 4 times this in all. A longer
 *     field fails the file, since the CSV reader cannot read on past it
 */
@Validated
@ConfigurationProperties("nayose.limits")
public record LimitsProperties(
    @NotNull @DefaultValue("2GB") DataSize maxBytes,
    @Min(1) @DefaultValue("10000000") long maxRows,
    @Min(2) @DefaultValue("1000") int maxColumns,
    @Min(1) @DefaultValue("1048576") int maxFieldChars) {

  /** The limits as the plain-Java readers take them. */
  public FileLimits fileLimits() {
    return new FileLimits(maxBytes.toBytes(), maxRows, maxColumns, maxFieldChars);
  }
}
