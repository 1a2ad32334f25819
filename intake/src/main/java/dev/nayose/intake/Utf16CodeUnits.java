package dev.nayose.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * UTF-16 bytes read as the code units they are, without judging surrogates: an unpaired
 * surrogate passes as it is, for {@link CharacterScreen} to find in the field that holds it.
 * The JDK's decoder reports an unpaired high surrogate together with the unit after it, so the
 * character after it would be lost; here only an odd last byte becomes U+FFFD.
 */
final class Utf16CodeUnits extends Reader {
  private final InputStream in;
  private final boolean bigEndian;
  private final byte[] bytes = new byte[8192];

  Utf16CodeUnits(InputStream in, boolean bigEndian) {
    this.in = in;
    this.bigEndian = bigEndian;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int wanted = Math.min(length, bytes.length / 2) * 2;
    int got = in.readNBytes(bytes, 0, wanted);
    if (got == 0) {
      return -1;
    }
    int units = got / 2;
    for (int i = 0; i < units; i++) {
      int first = bytes[2 * i] & 0xFF;
      int second = bytes[2 * i + 1] & 0xFF;
      buffer[offset + i] = (char) (bigEndian ? first << 8 | second : second << 8 | first);
    }
    if (got % 2 == 1) {
      // readNBytes fills the request unless the stream ended: this is the file's last byte
      buffer[offset + units++] = CharacterScreen.REPLACEMENT;
    }
    return units;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
