package dev.nayose.contracts;

import static dev.nayose.contracts.ContractFixtures.fixture;
import static dev.nayose.contracts.ContractFixtures.mapper;
import static dev.nayose.contracts.ContractFixtures.schema;
import static dev.nayose.contracts.ContractFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;

/**
 * The golden fixtures are the compatibility promise between independently deployed services:
 * each must satisfy its schema, read into its record, and write back to the same JSON.
 */
class ContractRoundTripTest {

  static Stream<Arguments> ownMessages() {
    return Stream.of(
        Arguments.of("chunk-split.json", "chunk-split.schema.json", ChunkSplit.class),
        Arguments.of("chunk-matched.json", "chunk-matched.schema.json", ChunkMatched.class),
        Arguments.of("chunk-matched-v1.json", "chunk-matched.schema.json", ChunkMatched.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ownMessages")
  void fixtureSatisfiesSchemaAndRoundTrips(String fixture, String schemaName, Class<?> type) {
    String json = fixture(fixture);
    assertThat(schema(schemaName).validate(tree(json))).isEmpty();

    Object message = mapper().readValue(json, type);
    String written = mapper().writeValueAsString(message);

    assertThat(tree(written)).isEqualTo(tree(json));
    assertThat(schema(schemaName).validate(tree(written))).isEmpty();
  }

  @Test
  void chunkSplitFixtureReadsIntoTheExpectedValues() {
    ChunkSplit chunk = mapper().readValue(fixture("chunk-split.json"), ChunkSplit.class);

    assertThat(chunk.uploadId()).isEqualTo(UUID.fromString("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10"));
    assertThat(chunk.chunkCount()).isEqualTo(2);
    assertThat(chunk.postings()).extracting(JobPosting::rowNumber).containsExactly(2L, 4L);
    assertThat(chunk.postings().get(0).salaryMax()).isEqualTo(5_000_000L);
    assertThat(chunk.postings().get(0).postedAt()).hasToString("2026-11-20");
    assertThat(chunk.postings().get(1).address()).isNull();
  }

  @Test
  void chunkMatchedFixtureKeepsDecisionsAndEvidence() {
    ChunkMatched matched = mapper().readValue(fixture("chunk-matched.json"), ChunkMatched.class);

    assertThat(matched.postings()).extracting(MatchedPosting::decision)
        .containsExactly(Decision.MATCHED, Decision.REVIEW, Decision.UNMATCHED);
    assertThat(matched.postings().get(1).officeId()).isEqualTo("O-1010001144728-02");
    assertThat(matched.postings().get(1).reasons()).extracting(Evidence::weight).containsExactly(9.5, -4.25);
    assertThat(matched.masterVersion()).isEqualTo(3L);
  }

  /** A match worker that predates master versions publishes version 1; load-service still reads it. */
  @Test
  void chunkMatchedOfSchemaVersionOneHasNoMasterVersion() {
    ChunkMatched old = mapper().readValue(fixture("chunk-matched-v1.json"), ChunkMatched.class);

    assertThat(old.schemaVersion()).isEqualTo(ChunkMatched.SCHEMA_VERSION_WITHOUT_MASTER_VERSION);
    assertThat(old.masterVersion()).isNull();
    assertThat(old.postings()).hasSize(3);
  }

  @Test
  void chunkMatchedNowCarriesTheMasterVersionItWasMatchedAgainst() {
    ChunkSplit chunk = mapper().readValue(fixture("chunk-split.json"), ChunkSplit.class);
    var unmatched = chunk.postings().stream()
        .map(p -> new MatchedPosting(p, Decision.UNMATCHED, null, null, 0.0, java.util.List.of())).toList();

    ChunkMatched matched = ChunkMatched.of(chunk, "fs-1", 7, "w", unmatched);
    String json = mapper().writeValueAsString(matched);

    assertThat(matched.schemaVersion()).isEqualTo(2);
    assertThat(tree(json).path("masterVersion").asLong()).isEqualTo(7);
    assertThat(schema("chunk-matched.schema.json").validate(tree(json))).isEmpty();
    assertThatThrownBy(() -> ChunkMatched.of(chunk, "fs-1", 0, "w", unmatched))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("masterVersion >= 1");
  }

  @Test
  void awsObjectCreatedDocumentIsReadAndItsKeyDecoded() {
    String json = fixture("s3-event-object-created.json");
    assertThat(schema("s3-event-notification.schema.json").validate(tree(json))).isEmpty();

    S3EventNotification event = mapper().readValue(json, S3EventNotification.class);

    assertThat(event.isTestEvent()).isFalse();
    S3EventNotification.Record record = event.records().get(0);
    assertThat(record.isObjectCreated()).isTrue();
    assertThat(record.s3().bucket().name()).isEqualTo("nayose-uploads-prod");
    assertThat(record.s3().object().size()).isEqualTo(1_048_576L);
    assertThat(record.s3().object().decodedKey())
        .isEqualTo("incoming/acme-jobs/0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10/postings 2026-11.csv");
  }

  @Test
  void s3TestEventIsRecognised() {
    String json = fixture("s3-test-event.json");
    assertThat(schema("s3-event-notification.schema.json").validate(tree(json))).isEmpty();

    assertThat(mapper().readValue(json, S3EventNotification.class).isTestEvent()).isTrue();
  }

  @Test
  void documentPublishedLocallyIsTheAwsShape() {
    S3EventNotification local = S3EventNotification.objectCreated("us-east-1", "bucket",
        "incoming/p/0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10/求人 一覧.csv", 42, "etag",
        Instant.parse("2026-11-25T03:00:00Z"));

    String json = mapper().writeValueAsString(local);

    assertThat(schema("s3-event-notification.schema.json").validate(tree(json))).isEmpty();
    assertThat(tree(json).at("/Records/0/eventSource").asString()).isEqualTo("aws:s3");
    assertThat(tree(json).at("/Records/0/eventTime").asString()).isEqualTo("2026-11-25T03:00:00Z");
    S3EventNotification read = mapper().readValue(json, S3EventNotification.class);
    assertThat(read.records().get(0).s3().object().decodedKey())
        .isEqualTo("incoming/p/0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10/求人 一覧.csv");
  }

  static Stream<Arguments> invalidMessages() {
    return Stream.of(
        Arguments.of("invalid/chunk-split-missing-company-name.json", "chunk-split.schema.json", ChunkSplit.class),
        Arguments.of("invalid/chunk-split-index-out-of-range.json", null, ChunkSplit.class),
        Arguments.of("invalid/chunk-split-empty.json", "chunk-split.schema.json", ChunkSplit.class),
        Arguments.of("invalid/chunk-split-future-schema.json", "chunk-split.schema.json", ChunkSplit.class),
        Arguments.of("invalid/chunk-matched-unmatched-with-company.json", "chunk-matched.schema.json", ChunkMatched.class),
        Arguments.of("invalid/chunk-matched-matched-without-company.json", "chunk-matched.schema.json", ChunkMatched.class),
        Arguments.of("invalid/chunk-matched-without-master-version.json", "chunk-matched.schema.json", ChunkMatched.class),
        Arguments.of("invalid/s3-event-no-records.json", "s3-event-notification.schema.json", S3EventNotification.class));
  }

  /** Schema and record agree on what is not a valid message (the index bound is record-only). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidMessages")
  void invalidMessagesAreRefusedByRecordAndSchema(String fixture, String schemaName, Class<?> type) {
    String json = fixture(fixture);
    if (schemaName != null) {
      assertThat(schema(schemaName).validate(tree(json))).isNotEmpty();
    }
    assertThatThrownBy(() -> mapper().readValue(json, type)).isInstanceOf(JacksonException.class);
  }

  @Test
  void matchedChunkMustAnswerEveryPostingOfItsChunk() {
    ChunkSplit chunk = mapper().readValue(fixture("chunk-split.json"), ChunkSplit.class);
    var one = new MatchedPosting(chunk.postings().get(0), Decision.UNMATCHED, null, null, 0.0, java.util.List.of());

    assertThatThrownBy(() -> ChunkMatched.of(chunk, "v", 1, "w", java.util.List.of(one)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 2 decisions");
  }
}
