package dev.nayose.matcher;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Folds a reading (furigana) into one key, so that the master's full-width katakana
 * ({@code ミツイブッサン}) meets what a posting writes: half-width katakana ({@code ﾐﾂｲﾌﾞｯｻﾝ}),
 * hiragana ({@code みついぶっさん}), long vowels dropped or kept. In order: NFKC (half-width to
 * full-width katakana, full-width ASCII to ASCII), upper case, hiragana to katakana, small kana to
 * large (ァィゥェォッャュョヮヵヶ), ヴ→ブ, ヂ→ジ, ヅ→ズ, ヲ→オ, and long-vowel marks, dashes, spaces, dots
 * and brackets' punctuation dropped; then kana legal forms at either end (カブシキガイシャ,
 * ユウゲンガイシャ, ゴウドウガイシャ..., and bracketed (カ) (ユ) (ド)) come off. Letters and digits stay.
 */
final class KanaFolding {
  private static final char[] FOLD = new char[0x10000];
  /** A legal form written as a bracketed kana abbreviation: (カ), (ユ), (ド), (ゴ), (シ). */
  private static final Pattern BRACKETED_FORM = Pattern.compile("\\([カユドゴシメ]\\)");
  /** Kana legal forms, folded, longest first. */
  private static final String[] FORMS = {
    "カブシキガイシヤ", "カブシキカイシヤ", "ユウゲンガイシヤ", "ユウゲンカイシヤ", "ゴウドウガイシヤ", "ゴウドウカイシヤ",
    "ゴウシガイシヤ", "ゴウシカイシヤ", "ゴウメイガイシヤ", "ゴウメイカイシヤ"
  };

  static {
    for (int c = 0; c < FOLD.length; c++) {
      FOLD[c] = (char) c;
    }
    for (char c = 'ぁ'; c <= 'ゖ'; c++) {
      FOLD[c] = (char) (c + ('ァ' - 'ぁ'));
    }
    String small = "ァアィイゥウェエォオッツャヤュユョヨヮワヵカヶケヴブヂジヅズヲオ";
    for (int i = 0; i + 1 < small.length(); i += 2) {
      FOLD[small.charAt(i)] = small.charAt(i + 1);
      // and the hiragana of the small kana, already shifted above
    }
    for (char c : "ー-‐‑‒–—―−─━~〜～ 　・･·.,、。'’\"".toCharArray()) {
      FOLD[c] = 0;
    }
  }

  private KanaFolding() {}

  /** The folded key of {@code reading}; empty when it is null or holds nothing but marks. */
  static String fold(String reading) {
    if (reading == null || reading.isEmpty()) {
      return "";
    }
    String text = Normalizer.normalize(reading, Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT);
    text = BRACKETED_FORM.matcher(text).replaceAll("");
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = FOLD[text.charAt(i)];
      if (c != 0) {
        c = FOLD[c]; // hiragana small kana: shifted to katakana, then to the large form
        if (c != 0 && c != '(' && c != ')') {
          out.append(c);
        }
      }
    }
    String key = out.toString();
    for (String form : FORMS) {
      if (key.length() > form.length() && key.startsWith(form)) {
        key = key.substring(form.length());
        break;
      }
    }
    for (String form : FORMS) {
      if (key.length() > form.length() && key.endsWith(form)) {
        key = key.substring(0, key.length() - form.length());
        break;
      }
    }
    return key;
  }

  /**
   * Whether {@code name} is written in kana only (katakana, half-width katakana, hiragana, long
   * vowels, spaces, dots), and so may be a reading rather than a name. A kana legal form may come with
   * it in kanji (株式会社 and the like are then not kana): the caller passes the name without it.
   */
  static boolean isKana(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    boolean kana = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c >= 'ぁ' && c <= 'ゖ') || (c >= 'ァ' && c <= 'ヺ') || (c >= 'ｦ' && c <= 'ﾟ' && c != 'ｰ')) {
        kana = true;
      } else if (!(c == 'ー' || c == 'ｰ' || c == '・' || c == '･' || c == ' ' || c == '　' || c == 'ﾞ' || c == 'ﾟ'
          || c == 'ヽ' || c == 'ヾ')) {
        return false;
      }
    }
    return kana;
  }
}
