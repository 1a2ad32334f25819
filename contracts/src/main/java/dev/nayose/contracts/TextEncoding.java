package dev.nayose.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The text encodings nayose reads: UTF-8 (with or without byte-order mark) and Shift_JIS, read as
 * Windows-31J (CP932) because that is what Japanese spreadsheets actually write (NEC and IBM
 * extensions such as ① and ㈱ are not in strict Shift_JIS).
 *
 * <p>UTF-16 (little or big endian) is read when the file starts with its byte-order mark
 * ({@link #ofByteOrderMark}), as spreadsheets write "Unicode text".
 *
 * <p>A partner may declare the encoding at upload ({@link #parse}); otherwise {@link #detect}
 * decides from the first bytes of the file.
 */
public enum TextEncoding {
  UTF_8(StandardCharsets.UTF_8),
  SHIFT_JIS(Charset.forName("windows-31j")),
  UTF_16LE(StandardCharsets.UTF_16LE),
  UTF_16BE(StandardCharsets.UTF_16BE);

  private final Charset charset;

  TextEncoding(Charset charset) {
    this.charset = charset;
  }

  public Charset charset() {
    return charset;
  }

  /** Reads a declared name: {@code utf-8}, {@code utf8}, {@code shift_jis}, {@code sjis}, {@code cp932}, {@code windows-31j}. */
  public static Optional<TextEncoding> parse(String declared) {
    if (declared == null || declared.isBlank()) {
      return Optional.empty();
    }
    return switch (declared.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "utf-8", "utf8" -> Optional.of(UTF_8);
      case "shift-jis", "sjis", "cp932", "ms932", "windows-31j", "x-sjis" -> Optional.of(SHIFT_JIS);
      case "utf-16le" -> Optional.of(UTF_16LE);
      case "utf-16be" -> Optional.of(UTF_16BE);
      default -> throw new IllegalArgumentException("encoding '" + declared
          + "' is not supported; use UTF-8, Shift_JIS, UTF-16LE or UTF-16BE");
    };
  }

  /**
   * Decides from a file's first bytes: UTF-8 when they decode strictly as UTF-8 (a sequence cut at
   * the end of the sample is tolerated), Shift_JIS otherwise. Pure ASCII is UTF-8.
   */
  public static TextEncoding detect(byte[] head, int length) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    int end = length;
    // do not judge a multi-byte sequence that the sample cut in two
    int back = 0;
    while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
      back++;
    }
    if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
      end = end - back - 1;
    }
    try {
      decoder.decode(ByteBuffer.wrap(head, 0, end));
      return UTF_8;
    } catch (CharacterCodingException e) {
      return SHIFT_JIS;
    }
  }

  /** Length of a UTF-8 byte-order mark at the start of {@code head}, 0 when there is none. */
  public static int bomLength(byte[] head, int length) {
    return length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
  }

  /**
   * The encoding a byte-order mark at the start of {@code head} names (UTF-8: EF BB BF; UTF-16LE:
   * FF FE; UTF-16BE: FE FF), if there is one.
   */
  public static Optional<TextEncoding> ofByteOrderMark(byte[] head, int length) {
    if (bomLength(head, length) > 0) {
      return Optional.of(UTF_8);
    }
    if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return Optional.of(UTF_16LE);
    }
    if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return Optional.of(UTF_16BE);
    }
    return Optional.empty();
  }

  /** Bytes of this encoding's byte-order mark: 3 for UTF-8, 2 for UTF-16, 0 for Shift_JIS, which has none. */
  public int byteOrderMarkLength() {
    return switch (this) {
      case UTF_8 -> 3;
      case SHIFT_JIS -> 0;
      case UTF_16LE, UTF_16BE -> 2;
    };
  }
}
