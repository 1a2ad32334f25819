package dev.nayose.master;

import dev.nayose.testsupport.TestFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test files: fixtures from src/test/resources, and packed or re-encoded copies of them. */
final class Fixtures {
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

  /** {@code file}.gz in {@code dir}, as the NTA and partners compress. */
  static Path gzip(Path file, Path dir) throws IOException {
    Path gz = dir.resolve(file.getFileName() + ".gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(file, out);
    }
    return gz;
  }

  /** A zip holding {@code file} as its only entry, as the NTA publishes its downloads. */
  static Path zip(Path file, Path dir) throws IOException {
    Path zip = dir.resolve(file.getFileName() + ".zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry(file.getFileName().toString()));
      Files.copy(file, out);
      out.closeEntry();
    }
    return zip;
  }

  /** Writes {@code text} in {@code charset}, with a UTF-8 byte-order mark when asked. */
  static Path write(Path dir, String name, String text, Charset charset, boolean bom) {
    return TestFiles.write(dir, name, text, charset, bom);
  }
}
