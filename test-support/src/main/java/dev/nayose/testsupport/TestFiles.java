package dev.nayose.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files that tests write on the spot. */
public final class TestFiles {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private TestFiles() {}

  /** Writes {@code text} in {@code charset} to {@code dir/name}, after a UTF-8 byte-order mark when asked. */
  public static Path write(Path dir, String name, String text, Charset charset, boolean bom) {
    try {
      Path file = dir.resolve(name);
      byte[] body = text.getBytes(charset);
      byte[] bytes = body;
      if (bom) {
        bytes = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, bytes, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, bytes, UTF8_BOM.length, body.length);
      }
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
