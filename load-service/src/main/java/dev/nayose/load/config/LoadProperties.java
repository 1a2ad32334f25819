package dev.nayose.load.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the load service ({@code nayose.load.*}); defaults in {@code application.yml}.
 *
 * @param batchSize postings sent to PostgreSQL in one JDBC batch (one round trip); a chunk holds
 *     at most 500, so the default writes a chunk's postings in one batch
 */
@Validated
@ConfigurationProperties("nayose.load")
public record LoadProperties(
    @Min(1) @Max(10_000) int batchSize) {
}
