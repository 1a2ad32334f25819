package dev.nayose.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.ingest.domain.PartReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingObjectWriterTest {
  private final RecordingObjectStore store = new RecordingObjectStore();
  private final StreamingObjectWriter writer = new StreamingObjectWriter(store);

  @ParameterizedTest(name = "{0} bytes in parts of {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "1;  10; put",
      "9;  10; put",
      "10; 10; put",
      "11; 10; start, part 1, part 2, complete [1, 2]",
      "30; 10; start, part 1, part 2, part 3, complete [1, 2, 3]",
      "31; 10; start, part 1, part 2, part 3, part 4, complete [1, 2, 3, 4]"})
  void storesSmallBodiesWithOnePutAndLargerOnesInParts(int size, int partSize, String expectedCalls) throws IOException {
    byte[] body = body(size);

    StoredObject stored = writer.write("k", Map.of("nayose-encoding", "UTF_8"), firstPart(body, partSize));

    assertThat(String.join(", ", store.calls)).isEqualTo(expectedCalls);
    assertThat(store.objects.get("k")).isEqualTo(body);
    assertThat(store.metadata.get("k")).containsEntry("nayose-encoding", "UTF_8");
    assertThat(stored.bytes()).isEqualTo(size);
    assertThat(stored.sha256()).isEqualTo(sha256(body));
    assertThat(stored.eTag()).isNotBlank();
  }

  @Test
  void everyPartButTheLastIsFull() throws IOException {
    writer.write("k", Map.of(), firstPart(body(25), 10));

    assertThat(store.partLengths).containsExactly(10, 10, 5);
  }

  @Test
  void aFailedPartAbortsTheMultipartUpload() throws IOException {
    store.failAtPart = 2;

    assertThatThrownBy(() -> writer.write("k", Map.of(), firstPart(body(35), 10)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("part 2");
    assertThat(store.calls).containsExactly("start", "part 1", "part 2", "abort");
    assertThat(store.objects).isEmpty();
  }

  @Test
  void aBodyThatBreaksOffAbortsTheMultipartUpload() throws IOException {
    InputStream breaking = new java.io.SequenceInputStream(new ByteArrayInputStream(body(15)), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset by peer");
      }
    });
    var reader = new PartReader(breaking, 10, 1000);
    assertThat(reader.next()).isTrue();

    assertThatThrownBy(() -> writer.write("k", Map.of(), reader)).isInstanceOf(IOException.class);
    assertThat(store.calls).containsExactly("start", "part 1", "abort");
    assertThat(store.objects).isEmpty();
  }

  private static PartReader firstPart(byte[] body, int partSize) throws IOException {
    var reader = new PartReader(new ByteArrayInputStream(body), partSize, Long.MAX_VALUE);
    assertThat(reader.next()).isTrue();
    return reader;
  }

  static byte[] body(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return bytes;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
