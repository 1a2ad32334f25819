package dev.nayose.split.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.ContractFixtures;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.S3EventNotification;
import dev.nayose.contracts.TextEncoding;
import dev.nayose.contracts.UploadObject;
import dev.nayose.platform.ledger.UploadState;
import dev.nayose.platform.ledger.UploadTransition;
import dev.nayose.platform.stage.PoisonMessageException;
import dev.nayose.intake.FileLimits;
import dev.nayose.intake.FileProblem;
import dev.nayose.intake.PartnerFiles;
import dev.nayose.intake.Rejection;
import dev.nayose.intake.RejectionCode;
import dev.nayose.intake.SplitSummary;
import dev.nayose.intake.UploadWarning;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/** The handler against in-memory ports: what it does in each state, and what it classifies as poison. */
class UploadSplitHandlerTest {
  private static final String BUCKET = "nayose-uploads";
  private static final String PARTNER = "acme";
  private static final JsonMapper JSON = ContractFixtures.mapper();

  @TempDir
  Path spool;

  private final InMemoryUploads uploads = new InMemoryUploads();
  private final Map<String, StoredObject> objects = new HashMap<>();
  private final List<ChunkSplit> published = new ArrayList<>();
  private final List<UUID> settled = new ArrayList<>();
  private final ChunkPublisher publisher = new ChunkPublisher() {
    @Override
    public void publish(ChunkSplit chunk) {
      published.add(chunk);
    }

    @Override
    public int sizeOf(Object message) {
      return JSON.writeValueAsBytes(message).length;
    }
  };

  private UploadSplitHandler handler(int maxPostings, int maxMessageBytes) {
    return handler(maxPostings, maxMessageBytes, FileLimits.DEFAULTS);
  }

  private UploadSplitHandler handler(int maxPostings, int maxMessageBytes, FileLimits fileLimits) {
    UploadObjects store = key -> {
      StoredObject object = objects.get(key);
      if (object == null) {
        throw new ObjectNotFoundException("no object " + key, null);
      }
      return object;
    };
    return new UploadSplitHandler(uploads, store, publisher, id -> {
      settled.add(id);
      return Optional.empty();
    }, new SplitSettings(BUCKET, maxPostings, maxMessageBytes, spool, fileLimits), JSON, new SimpleMeterRegistry());
  }

  private UploadSplitHandler handler;

  @BeforeEach
  void defaultHandler() {
    handler = handler(500, 160 * 1024);
  }

  @AfterEach
  void spoolFilesAreDeleted() throws IOException {
    try (var files = Files.list(spool)) {
      assertThat(files).isEmpty();
    }
  }

  /** An upload in {@code state} whose stored file is {@code bytes}; returns its event. */
  private S3EventNotification upload(UploadState state, byte[] bytes, Map<String, String> metadata) {
    var object = new UploadObject(PARTNER, UUID.randomUUID(), "jobs.csv");
    uploads.rows.put(object.uploadId(), new Upload(object.uploadId(), PARTNER, state, object.key(), "求人 11月.csv"));
    objects.put(object.key(), new StoredObject(new ByteArrayInputStream(bytes), metadata));
    return event(BUCKET, object.key());
  }

  private S3EventNotification upload(UploadState state, String csv) {
    return upload(state, csv.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private static S3EventNotification event(String bucket, String key) {
    return S3EventNotification.objectCreated("us-east-1", bucket, key, 100, "etag", Instant.parse("2026-11-25T03:00:00Z"));
  }

  private static UUID uploadId(S3EventNotification event) {
    return UploadObject.parse(event.records().get(0).s3().object().decodedKey()).uploadId();
  }

  @ParameterizedTest
  @EnumSource(value = UploadState.class, names = {"RECEIVED", "SPLIT", "STALLED"})
  void aSplittableUploadIsSplitRecordedPublishedAndSettled(UploadState state) {
    S3EventNotification event = upload(state, "求人ID,会社名,給与下限\nJ-1,株式会社A,300000\nJ-2,,\nJ-1,株式会社A2,\nJ-3,株式会社C,\n");
    UUID id = uploadId(event);

    handler.handle(event);

    assertThat(published).containsExactly(ChunkSplit.of(id, PARTNER, 0, 1, List.of(
        new JobPosting(2, "J-1", "株式会社A", null, null, null, null, null, null, null, null, 300_000L, null, null, null,
            null, null),
        new JobPosting(5, "J-3", "株式会社C", null, null, null, null, null, null, null, null, null, null, null, null, null,
            null))));
    InMemoryUploads.Split split = uploads.splits.get(id);
    assertThat(split.encoding()).isEqualTo(TextEncoding.UTF_8);
    assertThat(split.summary()).isEqualTo(new SplitSummary(4, 2, 2, 1, 1,
        Map.of(RejectionCode.MISSING_VALUE, 1L, RejectionCode.DUPLICATE_POSTING_ID, 1L), 0, Map.of(), List.of()));
    assertThat(split.rejections()).extracting(Rejection::rowNumber, Rejection::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3L, RejectionCode.MISSING_VALUE),
        org.assertj.core.groups.Tuple.tuple(4L, RejectionCode.DUPLICATE_POSTING_ID));
    assertThat(settled).containsExactly(id);
  }

  @Test
  void chunksStayWithinTheMessageSizeAndCountEachOther() {
    String description = "業務内容の説明です。".repeat(100); // 1,000 characters, 3,000 bytes
    var csv = new StringBuilder("posting_id,company_name,description\n");
    IntStream.rangeClosed(1, 40).forEach(i -> csv.append("J-").append(i).append(",Company ").append(i).append(',')
        .append(description).append('\n'));
    S3EventNotification event = upload(UploadState.RECEIVED, csv.toString());
    int maxMessageBytes = 16 * 1024;

    handler(500, maxMessageBytes).handle(event);

    assertThat(published).hasSizeGreaterThan(5).allSatisfy(chunk -> {
      assertThat(JSON.writeValueAsBytes(chunk).length).isLessThanOrEqualTo(maxMessageBytes);
      assertThat(chunk.chunkCount()).isEqualTo(published.size());
    });
    assertThat(published).extracting(ChunkSplit::chunkIndex)
        .containsExactlyElementsOf(IntStream.range(0, published.size()).boxed().toList());
    assertThat(published.stream().flatMap(c -> c.postings().stream()).map(JobPosting::rowNumber))
        .containsExactlyElementsOf(IntStream.rangeClosed(2, 41).mapToObj(i -> (long) i).toList());
    // the limit is used, not merely respected: one more posting would not have fitted
    ChunkSplit first = published.get(0);
    List<JobPosting> oneMore = new ArrayList<>(first.postings());
    oneMore.add(published.get(1).postings().get(0));
    assertThat(JSON.writeValueAsBytes(ChunkSplit.of(first.uploadId(), PARTNER, 0, first.chunkCount(), oneMore)).length)
        .isGreaterThan(maxMessageBytes);
  }

  @Test
  void anUploadWithoutValidRowsIsRecordedWithNoChunksAndSettled() {
    S3EventNotification event = upload(UploadState.RECEIVED, "posting_id,company_name\nJ-1,\n");

    handler.handle(event);

    assertThat(published).isEmpty();
    assertThat(uploads.splits.get(uploadId(event)).summary().chunkCount()).isZero();
    assertThat(settled).containsExactly(uploadId(event));
  }

  @Test
  void theDeclaredEncodingOfTheObjectWins() {
    byte[] sjis = "posting_id,company_name\nJ-1,㈱髙島屋\n".getBytes(Charset.forName("windows-31j"));
    S3EventNotification event = upload(UploadState.RECEIVED, sjis, Map.of(UploadObject.META_ENCODING, "SHIFT_JIS"));

    handler.handle(event);

    assertThat(uploads.splits.get(uploadId(event)).encoding()).isEqualTo(TextEncoding.SHIFT_JIS);
    assertThat(published.get(0).postings().get(0).companyName()).isEqualTo("㈱髙島屋");
  }

  @Test
  void aFileThatCannotBeReadFailsTheUploadNamingTheFile() {
    S3EventNotification event = upload(UploadState.RECEIVED, "求人ID,住所\nJ-1,東京都\n");

    handler.handle(event);

    assertThat(uploads.failures.get(uploadId(event))).isEqualTo(new InMemoryUploads.Failure(
        "file '求人 11月.csv': the header has no company_name column (accepted names: company_name, 会社名, 企業名, "
            + "社名, 法人名, 事業所名)", TextEncoding.UTF_8));
    assertThat(uploads.rows.get(uploadId(event)).state()).isEqualTo(UploadState.FAILED);
    assertThat(published).isEmpty();
    assertThat(settled).isEmpty();
  }

  @Test
  void anS3ReadFailingWhileAGzipIsDecompressedIsRetriedNotAFailedUpload() throws IOException {
    byte[] bytes = PartnerFiles.gzip(PartnerFiles.rows(20_000));
    var reset = new IOException("Connection reset");
    S3EventNotification event = upload(UploadState.RECEIVED, bytes, Map.of());
    String key = event.records().get(0).s3().object().decodedKey();
    objects.put(key, new StoredObject(new java.io.SequenceInputStream(new ByteArrayInputStream(bytes, 0, bytes.length / 2),
        new java.io.InputStream() {
          @Override
          public int read() throws IOException {
            throw reset;
          }
        }), Map.of()));

    assertThatThrownBy(() -> handler.handle(event)).isInstanceOf(java.io.UncheckedIOException.class)
        .hasRootCause(reset);
    assertThat(uploads.rows.get(uploadId(event)).state()).isEqualTo(UploadState.RECEIVED);
    assertThat(uploads.failures).doesNotContainKey(uploadId(event));
    assertThat(published).isEmpty();
  }

  @Test
  void aGzipCutShortFailsTheUploadAsArchiveContents() throws IOException {
    byte[] gz = PartnerFiles.gzip(PartnerFiles.utf8("posting_id,company_name\nJ-1,株式会社テスト\n"));
    byte[] bytes = java.util.Arrays.copyOf(gz, gz.length - 6);
    S3EventNotification event = upload(UploadState.RECEIVED, bytes, Map.of());

    handler.handle(event);

    assertThat(uploads.rows.get(uploadId(event)).state()).isEqualTo(UploadState.FAILED);
    assertThat(uploads.failures.get(uploadId(event)).reason())
        .isEqualTo("file '求人 11月.csv': the gzip is cut short or corrupt (it ends before its compressed data does): "
            + "compress the CSV again, send the whole gzip file, or send the CSV uncompressed");
    assertThat(published).isEmpty();
  }

  @Test
  void aFileOfMoreRowsThanTheLimitFailsTheUploadNamingTheLimitAndPublishesNothing() {
    handler = handler(500, 160 * 1024, new FileLimits(FileLimits.DEFAULTS.maxBytes(), 3, 100, 1000));
    S3EventNotification event = upload(UploadState.RECEIVED, "posting_id,company_name\nJ-1,A\nJ-2,B\nJ-3,C\nJ-4,D\n");

    handler.handle(event);

    assertThat(uploads.failures.get(uploadId(event))).isEqualTo(new InMemoryUploads.Failure(
        "file '求人 11月.csv': the file has more than 3 rows (nayose.limits.max-rows); split it into files of at most "
            + "3 rows and upload each", TextEncoding.UTF_8));
    assertThat(uploads.problems.get(uploadId(event))).isEqualTo(FileProblem.LIMIT_EXCEEDED);
    assertThat(published).isEmpty();
    assertThat(uploads.splits).doesNotContainKey(uploadId(event));
  }

  @Test
  void anUnsupportedDeclaredEncodingFailsTheUpload() {
    S3EventNotification event = upload(UploadState.RECEIVED, "posting_id,company_name\n".getBytes(StandardCharsets.UTF_8),
        Map.of(UploadObject.META_ENCODING, "EUC-JP"));

    handler.handle(event);

    assertThat(uploads.failures.get(uploadId(event))).isEqualTo(new InMemoryUploads.Failure(
        "file '求人 11月.csv': the declared encoding 'EUC-JP' is not supported; use UTF-8, Shift_JIS, UTF-16LE or "
            + "UTF-16BE", null));
  }

  @ParameterizedTest
  @EnumSource(value = UploadState.class, names = {"COMPLETED", "FAILED"})
  void aFinishedUploadIsLeftAlone(UploadState state) {
    S3EventNotification event = upload(state, "posting_id,company_name\nJ-1,A\n");

    handler.handle(event);

    assertThat(published).isEmpty();
    assertThat(uploads.splits).isEmpty();
    assertThat(uploads.failures).isEmpty();
    assertThat(settled).isEmpty();
  }

  @Test
  void anUploadStillBeingReceivedIsRetried() {
    S3EventNotification event = upload(UploadState.RECEIVING, "posting_id,company_name\nJ-1,A\n");

    assertThatThrownBy(() -> handler.handle(event)).isInstanceOf(UploadNotReadyException.class)
        .hasMessageContaining("is still RECEIVING");
    assertThat(published).isEmpty();
  }

  @Test
  void anUploadNotRecordedYetIsRetried() {
    String key = new UploadObject(PARTNER, UUID.randomUUID(), "jobs.csv").key();

    assertThatThrownBy(() -> handler.handle(event(BUCKET, key))).isInstanceOf(UploadNotReadyException.class)
        .isNotInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("is not recorded (yet)");
  }

  @Test
  void anUploadThatLeftTheSplittableStatesMeanwhileIsNotPublished() {
    S3EventNotification event = upload(UploadState.RECEIVED, "posting_id,company_name\nJ-1,A\n");
    uploads.completeBeforeWriting = true;

    handler.handle(event);

    assertThat(published).isEmpty();
    assertThat(settled).isEmpty();
  }

  @Test
  void anObjectOfAnotherSystemIsPoison() {
    assertThatThrownBy(() -> handler.handle(event(BUCKET, "reports/2026/summary.csv")))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("object key 'reports/2026/summary.csv' is not of the form incoming/");
  }

  @Test
  void anEventOfAnotherBucketIsPoison() {
    String key = new UploadObject(PARTNER, UUID.randomUUID(), "jobs.csv").key();

    assertThatThrownBy(() -> handler.handle(event("someone-elses-bucket", key)))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessage("the event is about bucket someone-elses-bucket, uploads are stored in nayose-uploads");
  }

  @Test
  void aKeyNamingAnotherPartnerThanTheUploadsIsPoison() {
    S3EventNotification event = upload(UploadState.RECEIVED, "posting_id,company_name\nJ-1,A\n");
    UUID id = uploadId(event);
    String forged = new UploadObject("mallory", id, "jobs.csv").key();

    assertThatThrownBy(() -> handler.handle(event(BUCKET, forged))).isInstanceOf(PoisonMessageException.class)
        .hasMessage("object " + forged + " is not the file of upload " + id + " of partner acme");
  }

  @Test
  void aMissingObjectIsPoison() {
    S3EventNotification event = upload(UploadState.RECEIVED, "posting_id,company_name\nJ-1,A\n");
    objects.clear();

    assertThatThrownBy(() -> handler.handle(event)).isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining("is not in storage");
  }

  @Test
  void testEventsAndOtherEventsAreIgnored() {
    handler.handle(JSON.readValue(ContractFixtures.fixture("s3-test-event.json"), S3EventNotification.class));
    String key = new UploadObject(PARTNER, UUID.randomUUID(), "jobs.csv").key();
    S3EventNotification created = event(BUCKET, key);
    var removed = new S3EventNotification(List.of(new S3EventNotification.Record("2.1", "aws:s3", "us-east-1",
        Instant.now(), "ObjectRemoved:Delete", created.records().get(0).s3())), null, null);

    handler.handle(removed);

    assertThat(published).isEmpty();
    assertThat(uploads.lookups).isZero();
  }

  /** The upload table in memory, with the state rules of the real one. */
  static final class InMemoryUploads implements Uploads {
    record Split(TextEncoding encoding, SplitSummary summary, List<Rejection> rejections,
        List<UploadWarning> warnings) {}

    record Failure(String reason, TextEncoding encoding) {}

    final Map<UUID, Upload> rows = new HashMap<>();
    final Map<UUID, Split> splits = new HashMap<>();
    final Map<UUID, Failure> failures = new HashMap<>();
    final Map<UUID, FileProblem> problems = new HashMap<>();
    boolean completeBeforeWriting;
    int lookups;

    @Override
    public Optional<Upload> find(UUID uploadId) {
      lookups++;
      return Optional.ofNullable(rows.get(uploadId));
    }

    @Override
    public boolean recordSplit(UUID uploadId, TextEncoding encoding, SplitSummary summary,
        Iterator<Rejection> rejections, Iterator<UploadWarning> warnings) {
      if (!move(uploadId, UploadState.SPLIT)) {
        return false;
      }
      List<Rejection> all = new ArrayList<>();
      rejections.forEachRemaining(all::add);
      List<UploadWarning> allWarnings = new ArrayList<>();
      warnings.forEachRemaining(allWarnings::add);
      splits.put(uploadId, new Split(encoding, summary, all, allWarnings));
      return true;
    }

    @Override
    public boolean markFailed(UUID uploadId, FileProblem problem, String reason, TextEncoding encoding) {
      if (!move(uploadId, UploadState.FAILED)) {
        return false;
      }
      failures.put(uploadId, new Failure(reason, encoding));
      problems.put(uploadId, problem);
      return true;
    }

    private boolean move(UUID uploadId, UploadState to) {
      Upload row = rows.get(uploadId);
      if (completeBeforeWriting) {
        row = new Upload(uploadId, row.partnerId(), UploadState.COMPLETED, row.objectKey(), row.originalName());
        rows.put(uploadId, row);
      }
      if (!UploadTransition.SPLIT_RECORDED.appliesTo(row.state())) {
        return false;
      }
      rows.put(uploadId, new Upload(uploadId, row.partnerId(), to, row.objectKey(), row.originalName()));
      return true;
    }
  }
}
