package dev.nayose.intake;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds, in one field's text, the characters no later stage may be handed: SQS refuses message
 * bodies with characters outside XML 1.0's ranges (#x9, #xA, #xD, #x20–#xD7FF, #xE000–#xFFFD,
 * #x10000–#x10FFFF), PostgreSQL {@code text} refuses U+0000, and a partner never means a control
 * character or a noncharacter as part of a name or an address.
 *
 * <p>What is found, by {@link Fault}: C0 controls other than tab, line feed and carriage return
 * (which a quoted field may hold), DEL and the C1 controls U+0080–U+009F, removed; noncharacters
 * (U+FDD0–U+FDEF and the last two code points of every plane, U+FFFE and U+FFFF among them),
 * removed; bytes the decoder could not read (U+FFFD, see {@link UploadText}) and unpaired
 * surrogates, which become U+FFFD: the one that stays marks where the unreadable bytes were.
 * A text with none of them is returned as it is, without copying.
 */
final class CharacterScreen {
  /** Decoders put this where bytes were not valid in the file's encoding. */
  static final char REPLACEMENT = '\uFFFD';

  private CharacterScreen() {}

  /** A kind of character that must not pass as it is. */
  enum Fault {
    /** A C0 control other than tab, LF and CR; DEL; a C1 control. Removed. */
    CONTROL,
    /** A Unicode noncharacter. Removed. */
    NONCHARACTER,
    /** Bytes not valid in the file's encoding, or an unpaired surrogate. Replaced by U+FFFD. */
    UNDECODABLE
  }

  /**
   * A text after screening.
   *
   * @param text the text with controls and noncharacters removed and unpaired surrogates replaced
   * @param found per fault, the distinct code points found (U+FFFD for undecodable bytes), in
   *     code point order; empty when the text was clean
   */
  record Screened(String text, Map<Fault, Set<Integer>> found) {
    Screened {
      found = Map.copyOf(found);
    }

    boolean clean() {
      return found.isEmpty();
    }
  }

  static Screened screen(String raw) {
    if (isClean(raw)) {
      return new Screened(raw, Map.of());
    }
    Map<Fault, Set<Integer>> found = new EnumMap<>(Fault.class);
    StringBuilder kept = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      Fault fault = faultOf(cp);
      if (fault == null) {
        kept.appendCodePoint(cp);
        continue;
      }
      found.computeIfAbsent(fault, f -> new TreeSet<>()).add(cp);
      if (fault == Fault.UNDECODABLE) {
        kept.append(REPLACEMENT);
      }
    }
    return new Screened(kept.toString(), found);
  }

  /**
   * The text with every character {@link #screen} would find, U+FFFD aside, written as
   * {@code <U+0000>}: safe to store, send and show, and still saying what was there.
   */
  static String visible(String raw) {
    if (isClean(raw)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    raw.codePoints().forEach(cp -> {
      if (cp != REPLACEMENT && faultOf(cp) != null) {
        out.append(codePoint(cp));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  /** {@code <U+FFFE>}, {@code <U+1FFFF>}. */
  static String codePoint(int cp) {
    return String.format("<U+%04X>", cp);
  }

  private static boolean isClean(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      // the common case, printable ASCII and kana/kanji, in one comparison each
      if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0xD800)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, raw.charAt(++i));
        if (faultOf(cp) != null) {
          return false;
        }
        continue;
      }
      if (faultOf(c) != null) {
        return false;
      }
    }
    return true;
  }

  /** The fault of a code point (an unpaired surrogate is one), or null when it may pass. */
  private static Fault faultOf(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return null;
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return Fault.CONTROL;
    }
    if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
      return Fault.NONCHARACTER;
    }
    if (cp == REPLACEMENT || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
      return Fault.UNDECODABLE;
    }
    return null;
  }
}
