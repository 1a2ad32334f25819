package dev.nayose.masterstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test files: this module's fixtures from src/test/resources, the NTA files of master's tests, and files
 * written on the spot.
 */
final class Fixtures {
  /**
   * The NTA fixtures belong to the readers' tests in master; the importer reads the same files there
   * rather than a copy (tests run from the module's directory, as eval's read cli's sample).
   */
  private static final Path NTA = Path.of("../master/src/test/resources/nta");

  private Fixtures() {}

  static Path path(String resource) {
    URL url = Fixtures.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An NTA file of master's test resources ({@code master/src/test/resources/nta/README.md}). */
  static Path nta(String name) {
    Path file = NTA.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no NTA fixture " + file.toAbsolutePath());
    }
    return file;
  }

  /** Writes {@code text} in {@code charset}, with a UTF-8 byte-order mark when asked. */
  static Path write(Path dir, String name, String text, Charset charset, boolean bom) {
    try {
      Path file = dir.resolve(name);
      byte[] body = text.getBytes(charset);
      byte[] bytes = body;
      if (bom) {
        bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
      }
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
