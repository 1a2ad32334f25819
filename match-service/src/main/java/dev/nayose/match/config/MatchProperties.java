package dev.nayose.match.config;

import dev.nayose.matcher.MatcherSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the match service ({@code nayose.match.*}); defaults in {@code application.yml}.
 *
 * @param workerId names this worker in every ChunkMatched it publishes; blank means
 *     {@code <hostname>-<pid>}
 * @param masterRefreshInterval how often the newest published master version is checked; when it
 *     moved, the index of the whole version is built in the background and swapped in
 * @param heartbeatInterval how often the worker records in {@code match_worker} the master version
 *     it serves; {@code import-master} waits for workers that beat within three intervals
 * @param startupWait how long start-up waits for the first master load before the chunks
 *     listener starts anyway (chunks then fail with MasterUnavailableException and are retried)
 * @param fetchSize rows per round trip when the master is streamed from PostgreSQL
 * @param maxMessageBytes largest ChunkMatched the matched queue accepts (SQS: 1 MiB); a larger
 *     one is dead-lettered at once instead of being retried
 * @param matcher the thresholds, prior and candidate bounds of the matcher
 * @param modelFile a {@code match-model.properties} to use instead of the one shipped with the
 *     matcher (m-probabilities estimated on a partner's own labelled postings); unset: the shipped one
 */
@Validated
@ConfigurationProperties("nayose.match")
public record MatchProperties(
    String workerId,
    @NotNull Duration masterRefreshInterval,
    @NotNull Duration heartbeatInterval,
    @NotNull Duration startupWait,
    @Min(100) @Max(1_000_000) int fetchSize,
    @Min(1_024) @Max(1_048_576) int maxMessageBytes,
    @NotNull MatcherSettings matcher,
    java.nio.file.Path modelFile) {
}
