package dev.nayose.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.ingest.domain.BodyTooLargeException;
import dev.nayose.intake.FileLimits;
import dev.nayose.intake.FileProblem;
import dev.nayose.intake.FileReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DryRunHandlerTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final UploadSlots slots = new UploadSlots(1);
  /** Every message is as long as its text: enough to give chunks their limits. */
  private final DryRunHandler handler = new DryRunHandler(slots, 200, new DryRunSettings(2, 100_000,
      FileLimits.DEFAULTS, 5, java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))), message -> String.valueOf(message).length(), meters);
  private final UploadRequest acme = new UploadRequest("acme", null, null, null, null);

  private static ByteArrayInputStream body(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileIsCheckedAsTheSplitReadsItAndTheSlotIsGivenBack() throws Exception {
    FileReport report = handler.check(acme, body("posting_id,company_name\nA,Acme\nB,Globex\nC,Initech\n"));

    assertThat(report.readable()).isTrue();
    assertThat(report.rowsKept()).isEqualTo(3);
    assertThat(report.chunks()).isEqualTo(2);
    assertThat(slots.available()).isEqualTo(1);
    assertThat(meters.counter("nayose.ingest.dry-runs", "outcome", "readable").count()).isEqualTo(1);
  }

  @Test
  void theDeclaredEncodingIsTheOneRead() throws Exception {
    var declared = new UploadRequest("acme", null, null, TextEncoding.SHIFT_JIS, null);
    byte[] sjis = "求人ID,会社名\nJ-1,テスト\n".getBytes(Charset.forName("windows-31j"));

    FileReport report = handler.check(declared, new ByteArrayInputStream(sjis));

    assertThat(report.encoding()).isEqualTo("Shift_JIS (CP932)");
    assertThat(report.encodingDeclared()).isTrue();
  }

  @Test
  void anUnreadableFileIsAReportAndItsWholeBodyIsRead() throws Exception {
    var in = body("J-1,Acme\n" + "x".repeat(150));

    FileReport report = handler.check(acme, in);

    assertThat(report.problem()).isEqualTo(FileProblem.NO_HEADER);
    assertThat(in.available()).isZero();
    assertThat(meters.counter("nayose.ingest.dry-runs", "outcome", "unreadable").count()).isEqualTo(1);
  }

  @Test
  void aBodyOverTheLimitIsTooLargeEvenWhenItsFileIsUnreadableEarly() {
    assertThatThrownBy(() -> handler.check(acme, body("posting_id,company_name\n" + "A,Acme\n".repeat(40))))
        .isInstanceOf(BodyTooLargeException.class).hasMessageContaining("200 bytes");
    assertThatThrownBy(() -> handler.check(acme, body("J-1,Acme\n" + "x".repeat(300))))
        .isInstanceOf(BodyTooLargeException.class);
    assertThat(slots.available()).isEqualTo(1);
  }

  @Test
  void anEmptyBodyIsRefusedAsForARealUpload() {
    assertThatThrownBy(() -> handler.check(acme, body(""))).isInstanceOf(EmptyUploadException.class);
    assertThat(slots.available()).isEqualTo(1);
  }

  @Test
  void aDryRunNeedsAFreeUploadSlot() throws Exception {
    slots.acquire();

    assertThatThrownBy(() -> handler.check(acme, body("posting_id,company_name\nA,Acme\n")))
        .isInstanceOf(TooManyUploadsException.class);
    assertThat(meters.counter("nayose.ingest.dry-runs", "outcome", "busy").count()).isEqualTo(1);
    slots.release();
    assertThat(handler.check(acme, body("posting_id,company_name\nA,Acme\n")).readable()).isTrue();
  }
}
