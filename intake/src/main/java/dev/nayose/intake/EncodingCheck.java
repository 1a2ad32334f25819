package dev.nayose.intake;

import dev.nayose.contracts.TextEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Whether a declared encoding is plainly wrong: the file does not decode in it, but does in the
 * other encoding nayose reads ({@link FileProblem#ENCODING_MISMATCH}). Judged on the sample
 * {@link UploadText} holds, the first {@link UploadText#SAMPLE_BYTES} bytes (64 KiB) only, so that
 * the check costs the same for every file; a file that goes wrong later is read, its undecodable
 * bytes becoming warnings of their rows.
 *
 * <p>Declared UTF-8: a mismatch when the sample has invalid UTF-8 sequences, more than four
 * times as many as valid multi-byte ones (a UTF-8 file with a few damaged bytes is UTF-8 still),
 * and decodes strictly as Shift_JIS (CP932). Declared Shift_JIS: a mismatch when the sample is
 * valid UTF-8 with at least two multi-byte sequences, which Shift_JIS text practically never is
 * (UTF-8 bytes, on the other hand, often decode as some Shift_JIS characters, so that is not
 * asked). Either: a byte-order mark of another encoding.
 */
final class EncodingCheck {
  private EncodingCheck() {}

  /** The sentence saying the declaration is wrong, or empty when it may be right. */
  static Optional<String> mismatch(TextEncoding declared, byte[] sample, int length) {
    Optional<TextEncoding> marked = TextEncoding.ofByteOrderMark(sample, length);
    if (marked.isPresent() && marked.get() != declared) {
      return Optional.of(sentence(declared, marked.get(), "starts with the byte-order mark of "
          + UploadText.displayName(marked.get())));
    }
    Utf8Count utf8 = Utf8Count.of(sample, length);
    if (declared == TextEncoding.UTF_8 && utf8.invalid() > 0 && utf8.invalid() > 4L * utf8.valid()
        && decodesStrictly(sample, length, TextEncoding.SHIFT_JIS)) {
      return Optional.of(sentence(declared, TextEncoding.SHIFT_JIS, "decodes as Shift_JIS (CP932)"));
    }
    if (declared == TextEncoding.SHIFT_JIS && utf8.invalid() == 0 && utf8.valid() >= 2) {
      return Optional.of(sentence(declared, TextEncoding.UTF_8, "decodes as UTF-8"));
    }
    return Optional.empty();
  }

  private static String sentence(TextEncoding declared, TextEncoding found, String evidence) {
    String name = found == TextEncoding.SHIFT_JIS ? "Shift_JIS" : UploadText.displayName(found);
    return "the file is declared " + UploadText.displayName(declared) + " but is not "
        + UploadText.displayName(declared) + ": it " + evidence + " (judged on its first 64 KiB); send it with "
        + "encoding=" + name + " (or no encoding, to have it detected), or save it as CSV UTF-8 and send that";
  }

  private static boolean decodesStrictly(byte[] sample, int length, TextEncoding encoding) {
    // a character cut by the end of the sample is forgiven
    for (int cut = 0; cut < 2 && cut < length; cut++) {
      try {
        encoding.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(sample, 0, length - cut));
        return true;
      } catch (CharacterCodingException e) {
        // try once more without the last byte
      }
    }
    return false;
  }

  /**
   * Multi-byte UTF-8 sequences in a sample: {@code valid} well-formed ones (shortest form, no
   * surrogates, at most U+10FFFF), {@code invalid} bytes that start none. A sequence cut by the
   * end of the sample is neither.
   */
  record Utf8Count(long valid, long invalid) {
    static Utf8Count of(byte[] b, int length) {
      long valid = 0;
      long invalid = 0;
      int i = 0;
      while (i < length) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
          i++;
          continue;
        }
        int need;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
          need = 1;
          min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
          need = 2;
          min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
          need = 3;
          min = 0x10000;
        } else {
          invalid++;
          i++;
          continue;
        }
        if (i + need >= length) {
          break; // cut by the end of the sample
        }
        int cp = lead & (0x3F >> need);
        boolean ok = true;
        for (int k = 1; k <= need; k++) {
          int c = b[i + k] & 0xFF;
          if ((c & 0xC0) != 0x80) {
            ok = false;
            break;
          }
          cp = cp << 6 | (c & 0x3F);
        }
        if (ok && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
          valid++;
          i += need + 1;
        } else {
          invalid++;
          i++;
        }
      }
      return new Utf8Count(valid, invalid);
    }
  }
}
