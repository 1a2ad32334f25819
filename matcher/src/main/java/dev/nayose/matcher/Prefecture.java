package dev.nayose.matcher;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 47 prefectures of Japan in the order of their JIS X 0401 codes ({@link #code()} 1 to 47).
 *
 * <p>{@link #kanji()} is the full name as the National Tax Agency writes it ({@code 東京都},
 * {@code 大阪府}, {@code 北海道}, {@code 神奈川県}); {@link #shortName()} the name without its
 * suffix {@code 都}, {@code 府} or {@code 県}, which people often leave out. 北海道 has no short form.
 */
public enum Prefecture {
  HOKKAIDO("北海道"), AOMORI("青森県"), IWATE("岩手県"), MIYAGI("宮城県"), AKITA("秋田県"),
  YAMAGATA("山形県"), FUKUSHIMA("福島県"), IBARAKI("茨城県"), TOCHIGI("栃木県"), GUNMA("群馬県"),
  SAITAMA("埼玉県"), CHIBA("千葉県"), TOKYO("東京都"), KANAGAWA("神奈川県"), NIIGATA("新潟県"),
  TOYAMA("富山県"), ISHIKAWA("石川県"), FUKUI("福井県"), YAMANASHI("山梨県"), NAGANO("長野県"),
  GIFU("岐阜県"), SHIZUOKA("静岡県"), AICHI("愛知県"), MIE("三重県"), SHIGA("滋賀県"),
  KYOTO("京都府"), OSAKA("大阪府"), HYOGO("兵庫県"), NARA("奈良県"), WAKAYAMA("和歌山県"),
  TOTTORI("鳥取県"), SHIMANE("島根県"), OKAYAMA("岡山県"), HIROSHIMA("広島県"), YAMAGUCHI("山口県"),
  TOKUSHIMA("徳島県"), KAGAWA("香川県"), EHIME("愛媛県"), KOCHI("高知県"), FUKUOKA("福岡県"),
  SAGA("佐賀県"), NAGASAKI("長崎県"), KUMAMOTO("熊本県"), OITA("大分県"), MIYAZAKI("宮崎県"),
  KAGOSHIMA("鹿児島県"), OKINAWA("沖縄県");

  private static final List<Prefecture> ALL = List.of(values());
  private static final Map<String, Prefecture> BY_NAME = ALL.stream()
      .collect(Collectors.toUnmodifiableMap(Prefecture::kanji, p -> p));

  private final String kanji;
  private final String shortName;

  Prefecture(String kanji) {
    this.kanji = kanji;
    this.shortName = kanji.equals("北海道") ? null : kanji.substring(0, kanji.length() - 1);
  }

  /** The full name, e.g. {@code 東京都}. */
  public String kanji() {
    return kanji;
  }

  /** The name without 都/府/県, e.g. {@code 東京}; {@code null} for 北海道. */
  public String shortName() {
    return shortName;
  }

  /** The JIS X 0401 code, 1 (北海道) to 47 (沖縄県). */
  public int code() {
    return ordinal() + 1;
  }

  /** The prefecture of a JIS X 0401 code; {@code null} for 0 (unknown). */
  public static Prefecture ofCode(int code) {
    if (code == 0) {
      return null;
    }
    if (code < 1 || code > ALL.size()) {
      throw new IllegalArgumentException("no prefecture has code " + code);
    }
    return ALL.get(code - 1);
  }

  /**
   * The prefecture whose full name is {@code name} after NFKC and trimming (a master's prefecture
   * column); {@code null} when it is none of the 47.
   */
  public static Prefecture ofName(String name) {
    if (name == null) {
      return null;
    }
    Prefecture prefecture = BY_NAME.get(name);
    return prefecture != null ? prefecture : BY_NAME.get(Normalizer.normalize(name, Normalizer.Form.NFKC).strip());
  }

  static List<Prefecture> all() {
    return ALL;
  }
}
