package dev.nayose.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The name a partner gave an uploaded file: the name as given without any directory part (browsers
 * send {@code C:\fakepath\postings.csv}), 1..255 characters, no control characters. It is kept for
 * the partner's eyes; the object key uses a safe form of it (see {@code UploadObject}).
 *
 * <p>S3 user metadata is ASCII and at most 2 KB in all, so the name travels percent-encoded
 * ({@link #percentEncoded()}) and that form may be at most {@value #MAX_ENCODED_LENGTH} characters
 * (about 110 Japanese characters).
 */
public record FileName(String original) {
  public static final int MAX_LENGTH = 255;
  public static final int MAX_ENCODED_LENGTH = 1024;

  public FileName {
    Objects.requireNonNull(original, "original");
    original = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
    if (original.isEmpty()) {
      throw new IllegalArgumentException("the file name is empty");
    }
    if (original.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the file name has " + original.length() + " characters, at most "
          + MAX_LENGTH + " are allowed");
    }
    if (original.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("the file name contains control characters");
    }
    if (percentEncode(original).length() > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException("the file name is too long: percent-encoded it has more than "
          + MAX_ENCODED_LENGTH + " characters");
    }
  }

  /** A file name, or none when {@code name} is null or blank. */
  public static Optional<FileName> of(String name) {
    return name == null || name.isBlank() ? Optional.empty() : Optional.of(new FileName(name));
  }

  /** The name in RFC 3986 percent-encoding of its UTF-8 bytes (unreserved characters kept as they are). */
  public String percentEncoded() {
    return percentEncode(original);
  }

  static String percentEncode(String text) {
    var out = new StringBuilder(text.length() * 3);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
