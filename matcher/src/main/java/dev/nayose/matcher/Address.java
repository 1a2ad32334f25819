package dev.nayose.matcher;

import java.text.Normalizer;

/**
 * A Japanese address taken apart for comparison: its prefecture, its municipality ({@code city},
 * as {@link Place} reads it: {@code 港区}, {@code 大阪市西区}, {@code 上川郡清水町}), its town
 * ({@code 赤坂}, {@code 大字大町}, {@code 御影東一条}) and its house number ({@code block}: the numbers
 * of 丁目, 番地, 番 and 号 joined by {@code -}, e.g. {@code 7-11-12}).
 *
 * <p>Every component may be {@code null}: the address did not say, or said it in a way that cannot
 * be read. Unlike {@link Place}, a city is read even when the prefecture is left out ({@code
 * 港区赤坂1-2-3}), so {@code city} may be set while {@code prefecture} is {@code null}; {@link
 * #place()} then gives no city. {@code block} holds one to four numbers in ASCII
 * digits without leading zeros, kanji numerals converted; floors, rooms and building names after
 * the house number are not part of it.
 *
 * <p>{@link #parse} (an address as partners write it) and {@link #ofMaster} (the master's
 * prefecture, city and street columns) give the same components for the same address, so that
 * they can be compared with {@code equals}.
 */
public record Address(Prefecture prefecture, String city, String town, String block) {

  private static final Address NONE = new Address(null, null, null, null);
  private static final int MAX_NUMBERS = 4;
  /** Hyphens, dashes and the long vowel mark, all written between the numbers of a house number. */
  private static final String DASHES = "-‐‑‒–—―−─━ーｰ－";
  private static final String KANJI_DIGITS = "〇一二三四五六七八九";
  private static final String OPENING_BRACKETS = "([{<「『【〔〈《（［｛＜";

  /**
   * Reads an address as partners write it: NFKC, whitespace removed (except between two digits,
   * where it ends a house number: {@code 1-2-3 601号室}), a leading postal code removed, small
   * ヶ/ヵ written ケ/カ. The prefecture is the one {@link Place#parse} finds; the city is read after
   * it, or at the start when the prefecture is left out — then only a city (市), a ward (区) or a
   * district's town or village (郡...町) written in Japanese script counts, since a bare {@code 本町}
   * or {@code 栄町} at the start is far more often a town whose municipality was left out too.
   */
  public static Address parse(String address) {
    if (address == null) {
      return NONE;
    }
    String text = withoutPostcode(normalise(address));
    if (text.isEmpty()) {
      return NONE;
    }
    Prefecture prefecture = byFullName(text);
    String city;
    String rest;
    if (prefecture != null) {
      // what Place.parse does first, without normalising the text a second time
      rest = text.substring(prefecture.kanji().length());
      city = Place.city(rest);
    } else {
      Place place = Place.parse(text);
      prefecture = place.prefecture();
      if (prefecture != null) {
        city = place.city();
        rest = afterShortName(text, prefecture, city);
      } else {
        city = cityWithoutPrefecture(text);
        rest = text;
      }
    }
    if (city != null && rest.startsWith(city)) {
      rest = rest.substring(city.length());
    }
    return split(prefecture, city, rest);
  }

  /**
   * The address of a master row: its prefecture column ({@code 東京都}), city column ({@code 港区},
   * {@code 大阪市西区}) and street column ({@code 赤坂７丁目１１番１２号}), read the way {@link #parse}
   * reads the three written in one line.
   */
  public static Address ofMaster(String prefecture, String city, String street) {
    String normalisedCity = city == null ? null : normalise(city);
    return split(Prefecture.ofName(prefecture),
        normalisedCity == null || normalisedCity.isEmpty() ? null : normalisedCity,
        street == null ? "" : normalise(street));
  }

  /** The place of this address; it has a city only when it has a prefecture. */
  public Place place() {
    return new Place(prefecture, prefecture == null ? null : city);
  }

  // ---- normalisation -------------------------------------------------------------------------

  /**
   * NFKC, whitespace removed except for one space between two ASCII digits, ヶ/ヵ as ケ/カ. Text of
   * ASCII, full-width ASCII, kana and common kanji (what the master is written in) skips the
   * Normalizer: NFKC maps those characters one by one, full-width ASCII to ASCII and the rest to
   * themselves.
   */
  static String normalise(String raw) {
    String s = needsNormalizer(raw) ? Normalizer.normalize(raw, Normalizer.Form.NFKC) : raw;
    int n = s.length();
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = narrow(s.charAt(i));
      if (isSpace(c)) {
        int next = i + 1;
        while (next < n && isSpace(narrow(s.charAt(next)))) {
          next++;
        }
        if (next < n && out.length() > 0 && isDigit(out.charAt(out.length() - 1)) && isDigit(narrow(s.charAt(next)))) {
          out.append(' ');
        }
        i = next - 1;
      } else {
        out.append(c == 'ヶ' ? 'ケ' : c == 'ヵ' ? 'カ' : c);
      }
    }
    return out.toString();
  }

  private static boolean needsNormalizer(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean invariant = c <= 0x7E && (c >= 0x20 || c >= 0x09 && c <= 0x0D)
          || c >= 0x4E00 && c <= 0x9FFF
          || c >= 0x3041 && c <= 0x3096
          || c >= 0x30A1 && c <= 0x30FC
          || c >= 0xFF01 && c <= 0xFF5E
          || c == 0x3000 || c == 0x3005 || c == 0x3006 || c == 0x3007 || c == 0x3012;
      if (!invariant) {
        return true;
      }
    }
    return false;
  }

  /** Full-width ASCII and the ideographic space as NFKC maps them. */
  private static char narrow(char c) {
    if (c >= 0xFF01 && c <= 0xFF5E) {
      return (char) (c - 0xFEE0);
    }
    return c == 0x3000 ? ' ' : c;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** The text without a leading {@code 〒100-0005}, {@code 1000005} or {@code 100 0005}. */
  private static String withoutPostcode(String text) {
    int i = text.startsWith("〒") ? 1 : 0;
    if (!digits(text, i, 3)) {
      return text;
    }
    int j = i + 3;
    if (j < text.length() && (text.charAt(j) == ' ' || DASHES.indexOf(text.charAt(j)) >= 0)) {
      j++;
    }
    return digits(text, j, 4) ? text.substring(j + 4) : text;
  }

  private static boolean digits(String text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // ---- prefecture and city -------------------------------------------------------------------

  private static Prefecture byFullName(String text) {
    for (Prefecture prefecture : Prefecture.all()) {
      if (text.startsWith(prefecture.kanji())) {
        return prefecture;
      }
    }
    return null;
  }

  /**
   * The text after a short prefecture name ({@code 東京港区}) when Place read one, else the whole
   * text (a designated city at the start: {@code 京都市中京区} starts with 京都 but names its city).
   */
  private static String afterShortName(String text, Prefecture prefecture, String city) {
    String shortName = prefecture.shortName();
    if (city != null && shortName != null && text.startsWith(shortName)
        && text.startsWith(city, shortName.length())) {
      return text.substring(shortName.length());
    }
    return text;
  }

  private static String cityWithoutPrefecture(String text) {
    String city = Place.city(text);
    if (city == null) {
      return null;
    }
    char last = city.charAt(city.length() - 1);
    if (last != '市' && last != '区' && city.indexOf('郡') < 0) {
      return null;
    }
    for (int i = 0; i < city.length(); i++) {
      char c = city.charAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (c != 'ー' && script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
          && script != Character.UnicodeScript.KATAKANA) {
        return null;
      }
    }
    return city;
  }

  // ---- town and house number -----------------------------------------------------------------

  /**
   * Splits the text after the municipality at its house number: the first ASCII number, or the
   * first kanji number that {@link #startsHouseNumber} accepts. A number followed by 条, 線 or 地割
   * (北1条西, 第2地割) is part of the town and is written in kanji numerals there, as the master
   * writes it. The town ends at an opening bracket too: what follows is a note, not the address.
   */
  private static Address split(Prefecture prefecture, String city, String rest) {
    int n = rest.length();
    StringBuilder town = new StringBuilder(n);
    int blockStart = -1;
    int i = 0;
    while (i < n) {
      char c = rest.charAt(i);
      if (OPENING_BRACKETS.indexOf(c) >= 0) {
        break;
      }
      int end = numberEnd(rest, i);
      if (end == i) {
        town.append(c);
        i++;
        continue;
      }
      if (isTownNumberSuffix(rest, end)) {
        town.append(toKanji(numberValue(rest, i, end)));
      } else if (isDigit(c) || startsHouseNumber(rest, i, end)) {
        blockStart = i;
        break;
      } else {
        town.append(rest, i, end);
      }
      i = end;
    }
    return new Address(prefecture, city, trimmed(town), blockStart < 0 ? null : block(rest, blockStart));
  }

  /** The end of the ASCII or kanji number starting at {@code i}; {@code i} when none starts there. */
  private static int numberEnd(String s, int i) {
    int n = s.length();
    if (i >= n) {
      return i;
    }
    int end = i;
    if (isDigit(s.charAt(i))) {
      while (end < n && isDigit(s.charAt(end))) {
        end++;
      }
    } else {
      while (end < n && isKanjiNumeral(s.charAt(end))) {
        end++;
      }
    }
    return end;
  }

  private static boolean isTownNumberSuffix(String s, int end) {
    if (end >= s.length()) {
      return false;
    }
    char c = s.charAt(end);
    return c == '条' || c == '線' || s.startsWith("地割", end);
  }

  /**
   * Whether the kanji number {@code s[start, end)} opens the house number rather than being part of
   * a town's name (御影東一条, 三軒茶屋, 八丁堀, 一番町, 麻布十番). It does when 丁目, 番地 or 号 follows
   * it; when 番 follows it and no number with 丁目 comes after (麻布十番二丁目 is a town); when a dash
   * or の joins it to another number; when it ends the text; or when it is written digit by digit
   * ({@code 一一〇}), which town names are not.
   */
  private static boolean startsHouseNumber(String s, int start, int end) {
    int n = s.length();
    if (end == n || s.startsWith("丁目", end) || s.startsWith("番地", end)) {
      return true;
    }
    char c = s.charAt(end);
    if (c == '番') {
      int next = end + 1;
      if (next == n) {
        return true;
      }
      int numberEnd = numberEnd(s, next);
      if (numberEnd > next) {
        return !s.startsWith("丁目", numberEnd);
      }
      return isDash(s.charAt(next)) || s.charAt(next) == 'の' || s.charAt(next) == 'ノ';
    }
    if (c == '号') {
      return end + 1 == n || numberEnd(s, end + 1) > end + 1 || isDash(s.charAt(end + 1));
    }
    if (isDash(c) || c == 'の' || c == 'ノ') {
      return numberEnd(s, end + 1) > end + 1;
    }
    if (end - start < 2) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (KANJI_DIGITS.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Up to four numbers from {@code start}, each separated from the next by 丁目,
   * 番地, 番, 号, の or a dash. A floor ({@code 3F}, {@code ３階}), a room ({@code 601号室}) or a
   * building ({@code 2号館}, {@code A棟}) ends it and is not part of it; so does anything else that
   * is not a separator. A kanji number after the first must stand apart from a following kanji word
   * ({@code 2丁目三井ビル} is 2) unless the house number is written in kanji throughout.
   */
  private static String block(String s, int start) {
    int n = s.length();
    StringBuilder block = new StringBuilder(12);
    boolean kanji = false;
    int count = 0;
    int i = start;
    while (count < MAX_NUMBERS && i < n) {
      int end = numberEnd(s, i);
      if (end == i || isFloorOrRoom(s, end)) {
        break;
      }
      boolean kanjiNumber = !isDigit(s.charAt(i));
      if (kanjiNumber && count > 0 && !kanji && end < n && !isSeparator(s, end)
          && Character.UnicodeScript.of(s.charAt(end)) == Character.UnicodeScript.HAN) {
        break;
      }
      kanji |= kanjiNumber;
      if (count > 0) {
        block.append('-');
      }
      block.append(numberValue(s, i, end));
      count++;
      int next = skipSeparators(s, end);
      if (next == end) {
        break;
      }
      i = next;
    }
    return count == 0 ? null : block.toString();
  }

  private static boolean isFloorOrRoom(String s, int end) {
    if (end >= s.length()) {
      return false;
    }
    char c = s.charAt(end);
    return c == 'F' || c == 'f' || c == '階' || c == '室' || c == '棟' || c == '館'
        || s.startsWith("号室", end) || s.startsWith("号館", end) || s.startsWith("号棟", end);
  }

  private static boolean isSeparator(String s, int i) {
    char c = s.charAt(i);
    return c == '番' || c == '号' || c == 'の' || c == 'ノ' || isDash(c) || s.startsWith("丁目", i);
  }

  private static int skipSeparators(String s, int i) {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (s.startsWith("丁目", i) || s.startsWith("番地", i)) {
        i += 2;
      } else if (c == '番' || c == '号' || c == 'の' || c == 'ノ' || isDash(c)) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * The value of the number {@code s[start, end)} in ASCII digits without leading zeros: ASCII
   * digits as they are, kanji digit by digit ({@code 二〇} is 20) or, when 十, 百 or 千 is among
   * them, positionally ({@code 二十三} is 23, {@code 百五} is 105).
   */
  private static String numberValue(String s, int start, int end) {
    boolean positional = false;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '十' || c == '百' || c == '千') {
        positional = true;
        break;
      }
    }
    if (!positional) {
      StringBuilder digits = new StringBuilder(end - start);
      for (int i = start; i < end; i++) {
        char c = s.charAt(i);
        int digit = isDigit(c) ? c - '0' : KANJI_DIGITS.indexOf(c);
        if (digit != 0 || digits.length() > 0) {
          digits.append((char) ('0' + digit));
        }
      }
      return digits.length() == 0 ? "0" : digits.toString();
    }
    int total = 0;
    int digit = -1;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      int d = KANJI_DIGITS.indexOf(c);
      if (d >= 0) {
        digit = d;
      } else {
        total += (digit < 0 ? 1 : digit) * (c == '十' ? 10 : c == '百' ? 100 : 1000);
        digit = -1;
      }
    }
    return Integer.toString(total + Math.max(digit, 0));
  }

  /** {@code 24} as {@code 二十四}; numbers above 9999 stay in ASCII digits. */
  private static String toKanji(String digits) {
    if (digits.length() > 4) {
      return digits;
    }
    int value = Integer.parseInt(digits);
    if (value == 0) {
      return "〇";
    }
    StringBuilder out = new StringBuilder(8);
    int[] units = {1000, 100, 10};
    String names = "千百十";
    for (int u = 0; u < units.length; u++) {
      int d = value / units[u] % 10;
      if (d > 1) {
        out.append(KANJI_DIGITS.charAt(d));
      }
      if (d > 0) {
        out.append(names.charAt(u));
      }
    }
    if (value % 10 > 0) {
      out.append(KANJI_DIGITS.charAt(value % 10));
    }
    return out.toString();
  }

  /** The town without punctuation at either end; {@code null} when nothing remains. */
  private static String trimmed(StringBuilder town) {
    int from = 0;
    int to = town.length();
    while (from < to && !Character.isLetterOrDigit(town.charAt(from))) {
      from++;
    }
    while (to > from && !Character.isLetterOrDigit(town.charAt(to - 1))) {
      to--;
    }
    return from == to ? null : town.substring(from, to);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isKanjiNumeral(char c) {
    return KANJI_DIGITS.indexOf(c) >= 0 || c == '十' || c == '百' || c == '千';
  }

  private static boolean isDash(char c) {
    return DASHES.indexOf(c) >= 0;
  }
}
