package dev.nayose.ingest.app;

import static dev.nayose.ingest.app.StreamingObjectWriterTest.body;
import static dev.nayose.ingest.app.StreamingObjectWriterTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.ingest.domain.BodyTooLargeException;
import dev.nayose.ingest.domain.FileName;
import dev.nayose.ingest.domain.IdempotencyKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UploadHandlerTest {
  private static final int PART = 10;
  private final InMemoryUploads uploads = new InMemoryUploads();
  private final RecordingObjectStore store = new RecordingObjectStore();
  private final List<StoredObject> events = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private UploadEvents publisher = events::add;
  private final UploadHandler handler = new UploadHandler(uploads, store, object -> publisher.objectCreated(object),
      new UploadLimits(PART, 100, 2), Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), meters,
      Duration.ZERO, Duration.ofMinutes(1));

  @Test
  void storesTheBodyMarksTheRowReceivedAndAnnouncesTheObject() throws IOException {
    byte[] body = body(25);
    var request = new UploadRequest("acme", null, new FileName("求人.csv"), TextEncoding.SHIFT_JIS, null);

    Receipt receipt = handler.receive(request, new ByteArrayInputStream(body));

    UUID id = receipt.upload().uploadId();
    String key = "incoming/acme/" + id + "/_.csv";
    assertThat(receipt.replayed()).isFalse();
    assertThat(uploads.rows.get(id)).extracting(Upload::state, Upload::byteSize, Upload::sha256)
        .containsExactly("RECEIVED", 25L, sha256(body));
    assertThat(uploads.inserted.get(id).objectKey()).isEqualTo(key);
    assertThat(store.objects.get(key)).isEqualTo(body);
    assertThat(store.metadata.get(key))
        .containsEntry("nayose-encoding", "SHIFT_JIS")
        .containsEntry("nayose-original-name", "%E6%B1%82%E4%BA%BA.csv");
    assertThat(events).extracting(StoredObject::key, StoredObject::bytes).containsExactly(org.assertj.core.groups.Tuple.tuple(key, 25L));
    assertThat(meters.counter("nayose.ingest.uploads", "outcome", "received").count()).isEqualTo(1);
  }

  @Test
  void aBodyWhoseFirstPartIsNotAPostingFileIsRefusedBeforeARowOrAnObjectExists() {
    var request = new UploadRequest("acme", null, new FileName("求人.pdf"), null, null);
    byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> handler.receive(request, new ByteArrayInputStream(pdf)))
        .isInstanceOf(NotAPostingFileException.class)
        .hasMessageStartingWith("this is a PDF document, not CSV text")
        .extracting(e -> ((NotAPostingFileException) e).problem())
        .isEqualTo(dev.nayose.intake.FileProblem.UNSUPPORTED_FORMAT);
    assertThat(uploads.inserted).isEmpty();
    assertThat(store.calls).isEmpty();
    assertThat(events).isEmpty();
    assertThat(meters.counter("nayose.ingest.uploads", "outcome", "not-a-posting-file").count()).isEqualTo(1);
  }

  @Test
  void aRepeatedIdempotencyKeyWithTheSameBodyAnswersWithTheEarlierUploadAndStoresNothing() throws IOException {
    var request = new UploadRequest("acme", new IdempotencyKey("k-1"), null, null, null);
    Receipt first = handler.receive(request, new ByteArrayInputStream(body(25)));

    Receipt second = handler.receive(request, new ByteArrayInputStream(body(25)));

    assertThat(second.replayed()).isTrue();
    assertThat(second.upload()).isEqualTo(uploads.rows.get(first.upload().uploadId()));
    assertThat(uploads.rows).hasSize(1);
    assertThat(store.calls).containsExactly("start", "part 1", "part 2", "part 3", "complete [1, 2, 3]");
    assertThat(events).hasSize(1);
  }

  @Test
  void aRepeatedIdempotencyKeyWithAnotherBodyIsRefusedNamingTheFirstUpload() throws IOException {
    var request = new UploadRequest("acme", new IdempotencyKey("k-1"), null, null, null);
    Receipt first = handler.receive(request, new ByteArrayInputStream(body(5)));
    byte[] other = body(5);
    other[0] ^= 1;

    assertThatThrownBy(() -> handler.receive(request, new ByteArrayInputStream(other)))
        .isInstanceOfSatisfying(IdempotencyConflictException.class,
            e -> assertThat(e.firstUploadId()).isEqualTo(first.upload().uploadId()))
        .hasMessageContaining("k-1").hasMessageContaining(first.upload().uploadId().toString())
        .hasMessageContaining("new Idempotency-Key");
    assertThat(uploads.rows).hasSize(1);
    assertThat(store.calls).containsExactly("put");
    assertThat(meters.counter("nayose.ingest.uploads", "outcome", "conflict").count()).isEqualTo(1);
  }

  @Test
  void theSameKeyOfAnotherPartnerIsAnotherUpload() throws IOException {
    handler.receive(new UploadRequest("acme", new IdempotencyKey("k-1"), null, null, null), new ByteArrayInputStream(body(5)));
    Receipt other = handler.receive(new UploadRequest("globex", new IdempotencyKey("k-1"), null, null, null),
        new ByteArrayInputStream(body(5)));

    assertThat(other.replayed()).isFalse();
    assertThat(uploads.rows).hasSize(2);
  }

  @Test
  void theLoserOfAConcurrentInsertAnswersWithTheWinnerOfTheSameBody() throws IOException {
    var winner = new Upload(UUID.randomUUID(), "acme", "RECEIVED", 5L, sha256(body(5)), Instant.now(), null);
    uploads.concurrentWinner = winner;

    Receipt receipt = handler.receive(new UploadRequest("acme", new IdempotencyKey("k-1"), null, null, null),
        new ByteArrayInputStream(body(5)));

    assertThat(receipt.replayed()).isTrue();
    assertThat(receipt.upload()).isEqualTo(winner);
    assertThat(store.calls).isEmpty();
    assertThat(events).isEmpty();
  }

  @Test
  void aRepeatWhileTheFirstIsStillReceivingIsToldToSendAgain() {
    var winner = new Upload(UUID.randomUUID(), "acme", "RECEIVING", null, null, Instant.now(), null);
    uploads.concurrentWinner = winner;

    assertThatThrownBy(() -> handler.receive(new UploadRequest("acme", new IdempotencyKey("k-1"), null, null, null),
        new ByteArrayInputStream(body(5))))
        .isInstanceOfSatisfying(IdempotencyKeyInUseException.class,
            e -> assertThat(e.firstUploadId()).isEqualTo(winner.uploadId()))
        .hasMessageContaining("again");
    assertThat(store.calls).isEmpty();
  }

  @Test
  void anEmptyBodyIsRefusedAndLeavesNoRow() {
    assertThatThrownBy(() -> handler.receive(new UploadRequest("acme", null, null, null, null),
        new ByteArrayInputStream(new byte[0]))).isInstanceOf(EmptyUploadException.class);
    assertThat(uploads.rows).isEmpty();
  }

  @Test
  void aFailedStoreLeavesNeitherRowNorPartsAndFreesTheIdempotencyKey() throws IOException {
    store.failAtPart = 2;
    var request = new UploadRequest("acme", new IdempotencyKey("k-1"), null, null, null);

    assertThatThrownBy(() -> handler.receive(request, new ByteArrayInputStream(body(25))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(uploads.rows).isEmpty();
    assertThat(store.calls).containsExactly("start", "part 1", "part 2", "abort");
    assertThat(events).isEmpty();

    store.failAtPart = -1;
    Receipt retry = handler.receive(request, new ByteArrayInputStream(body(25)));
    assertThat(retry.replayed()).isFalse();
    assertThat(uploads.rows.get(retry.upload().uploadId()).state()).isEqualTo("RECEIVED");
  }

  @Test
  void aBodyOverTheLimitIsRefusedAndLeavesNothing() {
    assertThatThrownBy(() -> handler.receive(new UploadRequest("acme", null, null, null, null),
        new ByteArrayInputStream(body(101)))).isInstanceOf(BodyTooLargeException.class);
    assertThat(uploads.rows).isEmpty();
    assertThat(store.objects).isEmpty();
    assertThat(store.calls).endsWith("abort");
  }

  @Test
  void aFailedAnnouncementRemovesTheObjectAndTheRow() {
    publisher = object -> {
      throw new IllegalStateException("SQS unavailable");
    };

    assertThatThrownBy(() -> handler.receive(new UploadRequest("acme", null, null, null, null),
        new ByteArrayInputStream(body(5)))).hasMessageContaining("SQS unavailable");
    assertThat(uploads.rows).isEmpty();
    assertThat(store.objects).isEmpty();
    assertThat(store.calls).containsExactly("put", "delete");
  }

  @Test
  void refusesUploadsBeyondItsSlots() throws IOException {
    var request = new UploadRequest("acme", null, null, null, null);
    List<Throwable> nested = new ArrayList<>();
    // while two uploads are being read (this one and one it starts), a third is refused
    InputStream body = new ByteArrayInputStream(body(5)) {
      private boolean started;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (!started) {
          started = true;
          try {
            handler.receive(request, new ByteArrayInputStream(body(5)) {
              private boolean tried;

              @Override
              public synchronized int read(byte[] b2, int off2, int len2) {
                if (!tried) {
                  tried = true;
                  try {
                    handler.receive(request, new ByteArrayInputStream(body(5)));
                  } catch (Exception | Error e) {
                    nested.add(e);
                  }
                }
                return super.read(b2, off2, len2);
              }
            });
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        }
        return super.read(b, off, len);
      }
    };

    handler.receive(request, body);

    assertThat(nested).singleElement().isInstanceOf(TooManyUploadsException.class);
    assertThat(uploads.rows).hasSize(2);
  }
}
