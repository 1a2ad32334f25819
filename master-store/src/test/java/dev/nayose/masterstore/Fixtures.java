package dev.nayose.masterstore;

import dev.nayose.testsupport.TestFiles;
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
    return TestFiles.write(dir, name, text, charset, bom);
  }
}
