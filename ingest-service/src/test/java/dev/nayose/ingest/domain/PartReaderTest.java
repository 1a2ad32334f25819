package dev.nayose.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartReaderTest {

  @ParameterizedTest(name = "{0} bytes in parts of {1}: {2}")
  @CsvSource(delimiter = ';', value = {
      "1;   4; 1",
      "3;   4; 3",
      "4;   4; 4",          // exactly one part is a single part, not a part and an empty one
      "5;   4; 4 1",
      "8;   4; 4 4",
      "9;   4; 4 4 1",
      "10;  3; 3 3 3 1",
      "100; 7; 7 7 7 7 7 7 7 7 7 7 7 7 7 7 2"})
  void splitsTheBodyIntoFullPartsAndAShorterLastOne(int size, int partSize, String expectedLengths) throws IOException {
    byte[] body = body(size);
    for (InputStream in : List.of(new ByteArrayInputStream(body), trickle(body))) {
      var reader = new PartReader(in, partSize, Long.MAX_VALUE);
      List<Integer> lengths = new ArrayList<>();
      var reassembled = new java.io.ByteArrayOutputStream();
      List<Boolean> lastFlags = new ArrayList<>();
      while (reader.next()) {
        assertThat(reader.partNumber()).isEqualTo(lengths.size() + 1);
        lengths.add(reader.length());
        lastFlags.add(reader.isLast());
        reassembled.write(reader.buffer(), 0, reader.length());
      }

      assertThat(lengths).containsExactlyElementsOf(
          Arrays.stream(expectedLengths.split(" ")).map(Integer::valueOf).toList());
      assertThat(lastFlags.subList(0, lastFlags.size() - 1)).doesNotContain(true);
      assertThat(lastFlags.get(lastFlags.size() - 1)).isTrue();
      assertThat(reassembled.toByteArray()).isEqualTo(body);
      assertThat(reader.bytes()).isEqualTo(size);
      assertThat(reader.sha256Hex()).isEqualTo(sha256(body));
      assertThat(reader.next()).isFalse();
    }
  }

  @Test
  void anEmptyBodyHasNoPart() throws IOException {
    var reader = new PartReader(new ByteArrayInputStream(new byte[0]), 4, 10);

    assertThat(reader.next()).isFalse();
    assertThat(reader.bytes()).isZero();
  }

  @Test
  void hashesAKnownValue() throws IOException {
    var reader = new PartReader(new ByteArrayInputStream("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 2, 10);
    while (reader.next()) {
      // read to the end
    }

    assertThat(reader.sha256Hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @ParameterizedTest(name = "{0} bytes, at most {1}: refused in part {2}")
  @CsvSource({"5, 4, 2", "9, 8, 3", "4, 3, 1"})
  void refusesABodyLongerThanTheMaximum(int size, long maxBytes, int refusedPart) throws IOException {
    var reader = new PartReader(new ByteArrayInputStream(body(size)), 3, maxBytes);
    for (int part = 1; part < refusedPart; part++) {
      assertThat(reader.next()).isTrue();
    }

    assertThatThrownBy(reader::next).isInstanceOf(BodyTooLargeException.class).hasMessageContaining(maxBytes + " bytes");
  }

  @Test
  void aBodyOfExactlyTheMaximumIsAccepted() throws IOException {
    var reader = new PartReader(new ByteArrayInputStream(body(8)), 3, 8);
    long total = 0;
    while (reader.next()) {
      total += reader.length();
    }
    assertThat(total).isEqualTo(8);
  }

  @Test
  void theDigestIsOnlyKnownAtTheEnd() throws IOException {
    var reader = new PartReader(new ByteArrayInputStream(body(10)), 4, 100);
    reader.next();

    assertThatThrownBy(reader::sha256Hex).isInstanceOf(IllegalStateException.class);
  }

  private static byte[] body(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  /** A stream that hands out at most two bytes per read, as a slow network does. */
  private static InputStream trickle(byte[] body) {
    return new FilterInputStream(new ByteArrayInputStream(body)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 2));
      }
    };
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
