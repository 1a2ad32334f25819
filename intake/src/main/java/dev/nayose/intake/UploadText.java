package dev.nayose.intake;

import dev.nayose.contracts.TextEncoding;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * An uploaded file's bytes as text, read as they arrive: never more than {@link #SAMPLE_BYTES}
 * held at once for the decision, whatever the file's size.
 *
 * <p>The encoding is the one the partner declared, if any (a declaration plainly wrong on the
 * first {@link #SAMPLE_BYTES} bytes is refused: {@link EncodingCheck}); otherwise the one the
 * file's byte-order mark names (UTF-8, UTF-16LE, UTF-16BE); otherwise UTF-16 when its commas and line
 * ends are written in UTF-16 ({@link FileFormat#utf16WithoutBom}); otherwise
 * {@link TextEncoding#detect} on the first {@link #SAMPLE_BYTES} bytes. A byte-order mark of the encoding read is not part of the text.
 * Bytes that are not valid in the encoding (a malformed UTF-8 sequence, a Shift_JIS lead byte
 * without its trail byte, an unpaired surrogate in UTF-16) become U+FFFD, which
 * {@link CharacterScreen} finds again in the field holding it, so that a warning can name its row
 * and column instead of failing the file.
 *
 * @param encoding the encoding the text is read in
 * @param declared whether the partner declared it (else it was detected)
 * @param reader the text, after any byte-order mark; closing it closes the stream
 */
public record UploadText(TextEncoding encoding, boolean declared, Reader reader) {
  /** Bytes {@link TextEncoding#detect} looks at. */
  public static final int SAMPLE_BYTES = 64 * 1024;

  /**
   * Starts reading {@code bytes}.
   *
   * @param declaredEncoding the encoding the partner declared ({@code UTF-8}, {@code Shift_JIS}, ...),
   *     or {@code null}
   * @throws UnreadableFileException when the declared encoding is not one nayose reads, or
   *     plainly not the file's ({@link FileProblem#ENCODING_MISMATCH})
   */
  public static UploadText open(InputStream bytes, String declaredEncoding) throws IOException, UnreadableFileException {
    Optional<TextEncoding> declared;
    try {
      declared = TextEncoding.parse(declaredEncoding);
    } catch (IllegalArgumentException e) {
      throw new UnreadableFileException(FileProblem.UNSUPPORTED_ENCODING, "the declared " + e.getMessage());
    }
    var in = new BufferedInputStream(bytes, SAMPLE_BYTES);
    in.mark(SAMPLE_BYTES);
    byte[] sample = in.readNBytes(SAMPLE_BYTES);
    in.reset();
    Optional<TextEncoding> marked = TextEncoding.ofByteOrderMark(sample, sample.length);
    if (declared.isPresent()) {
      Optional<String> mismatch = EncodingCheck.mismatch(declared.get(), sample, sample.length);
      if (mismatch.isPresent()) {
        throw new UnreadableFileException(FileProblem.ENCODING_MISMATCH, mismatch.get());
      }
    }
    TextEncoding encoding = declared.or(() -> marked).or(() -> FileFormat.utf16WithoutBom(sample, sample.length))
        .orElseGet(() -> detect(sample, sample.length));
    if (marked.isPresent() && marked.get() == encoding) {
      in.skipNBytes(encoding.byteOrderMarkLength());
    }
    if (encoding == TextEncoding.UTF_16LE || encoding == TextEncoding.UTF_16BE) {
      return new UploadText(encoding, declared.isPresent(), new Utf16CodeUnits(in, encoding == TextEncoding.UTF_16BE));
    }
    CharsetDecoder decoder = encoding.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(String.valueOf(CharacterScreen.REPLACEMENT));
    return new UploadText(encoding, declared.isPresent(), new InputStreamReader(in, decoder));
  }

  /**
   * {@link TextEncoding#detect}, except that a sample of valid UTF-8 with a few damaged bytes (at
   * least four valid multi-byte sequences for each invalid byte) is UTF-8 still, as
   * {@link EncodingCheck} judges a declared one: read as Shift_JIS, every Japanese character of
   * such a file would be garbled, where read as UTF-8 only the damaged field is, with a warning.
   * Shift_JIS text has far more bytes invalid in UTF-8 than valid sequences.
   */
  static TextEncoding detect(byte[] sample, int length) {
    TextEncoding strict = TextEncoding.detect(sample, length);
    if (strict == TextEncoding.SHIFT_JIS) {
      EncodingCheck.Utf8Count utf8 = EncodingCheck.Utf8Count.of(sample, length);
      if (utf8.valid() > 0 && 4L * utf8.invalid() <= utf8.valid()) {
        return TextEncoding.UTF_8;
      }
    }
    return strict;
  }

  /** The encoding's name as partners write it, e.g. in a rejection's reason. */
  public static String displayName(TextEncoding encoding) {
    return switch (encoding) {
      case UTF_8 -> "UTF-8";
      case SHIFT_JIS -> "Shift_JIS (CP932)";
      case UTF_16LE -> "UTF-16LE";
      case UTF_16BE -> "UTF-16BE";
    };
  }
}
