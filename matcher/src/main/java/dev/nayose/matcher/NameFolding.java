package dev.nayose.matcher;

/**
 * Folds the spellings of one name into one key, after NFKC and upper-casing: old and variant
 * kanji into their common form (髙→高, 﨑→崎, 齋/齊→斎, 邊/邉→辺, 濵/濱→浜, 德→徳...), every dash
 * and long-vowel mark into {@code ー} (partners type {@code サ-ビス}, {@code サ―ビス}), hiragana into
 * katakana ({@code さくら} and {@code サクラ}), small ヶ/ヵ into ケ/カ, and punctuation and symbols
 * dropped ({@code H.T.C} is {@code HTC}). Letters, digits, {@code ー} and {@code 々} stay.
 *
 * <p>Folding makes two spellings of one company meet; it also makes a few distinct names meet
 * (さくら and サクラ), which the other fields then tell apart.
 */
final class NameFolding {
  /** Variant kanji and the form they fold into, pairwise. */
  private static final String VARIANTS =
      "髙高﨑崎嵜崎碕崎齋斎齊斎齎斎邊辺邉辺濵浜濱浜德徳櫻桜國国澤沢嶋島嶌島廣広實実藏蔵冨富惠恵眞真"
          + "壽寿團団會会條条來来與与萬万驒騨槇槙瀨瀬檜桧淵渕籠篭彌弥榮栄莊荘曾曽藝芸圓円寳宝寶宝顯顕"
          + "龜亀舊旧增増乘乗晝昼黑黒讀読賣売戰戦傳伝";
  private static final char[] FOLD = new char[0x10000];

  static {
    for (int c = 0; c < FOLD.length; c++) {
      FOLD[c] = (char) c;
    }
    for (int i = 0; i + 1 < VARIANTS.length(); i += 2) {
      FOLD[VARIANTS.charAt(i)] = VARIANTS.charAt(i + 1);
    }
    for (char c : "-‐‑‒–—―−─━ｰ~〜～".toCharArray()) {
      FOLD[c] = 'ー';
    }
    for (char c = 'ぁ'; c <= 'ゖ'; c++) {
      FOLD[c] = (char) (c + ('ァ' - 'ぁ'));
    }
    FOLD['ゝ'] = 'ヽ';
    FOLD['ゞ'] = 'ヾ';
    FOLD['ヶ'] = 'ケ';
    FOLD['ヵ'] = 'カ';
  }

  private NameFolding() {}

  static String fold(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char folded = kept(c) ? FOLD[c] : 0;
      if (folded != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null && folded != 0) {
        out.append(folded);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean kept(char c) {
    if (c < 0x80) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '~';
    }
    return FOLD[c] == 'ー' || c == '々' || Character.isLetterOrDigit(c) || Character.isSurrogate(c);
  }
}
