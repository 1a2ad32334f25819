package dev.nayose.split.domain;

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
 * <p>The encoding is the one the partner declared, if any; otherwise UTF-8 when the file starts
 * with a UTF-8 byte-order mark; otherwise {@link TextEncoding#detect} on the first
 * {@link #SAMPLE_BYTES} bytes. A UTF-8 byte-order mark is not part of the text. Bytes that are not
 * valid in the encoding become U+FFFD, so that the rows holding them can be rejected one by one
 * instead of failing the file.
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
   * @throws UnreadableFileException when the declared encoding is not one nayose reads
   */
  public static UploadText open(InputStream bytes, String declaredEncoding) throws IOException, UnreadableFileException {
    Optional<TextEncoding> declared;
    try {
      declared = TextEncoding.parse(declaredEncoding);
    } catch (IllegalArgumentException e) {
      throw new UnreadableFileException("the declared " + e.getMessage());
    }
    var in = new BufferedInputStream(bytes, SAMPLE_BYTES);
    in.mark(SAMPLE_BYTES);
    byte[] sample = in.readNBytes(SAMPLE_BYTES);
    in.reset();
    int bom = TextEncoding.bomLength(sample, sample.length);
    TextEncoding encoding = declared.orElseGet(() -> bom > 0 ? TextEncoding.UTF_8 : TextEncoding.detect(sample, sample.length));
    if (bom > 0 && encoding == TextEncoding.UTF_8) {
      in.skipNBytes(bom);
    }
    CharsetDecoder decoder = encoding.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(String.valueOf(RowValidator.REPLACEMENT));
    return new UploadText(encoding, declared.isPresent(), new InputStreamReader(in, decoder));
  }

  /** The encoding's name as partners write it, e.g. in a rejection's reason. */
  public static String displayName(TextEncoding encoding) {
    return switch (encoding) {
      case UTF_8 -> "UTF-8";
      case SHIFT_JIS -> "Shift_JIS (CP932)";
    };
  }
}
