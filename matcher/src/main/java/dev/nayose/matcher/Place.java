package dev.nayose.matcher;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an address is, as far as matching needs it: its prefecture and its municipality.
 *
 * <p>{@code city} is the municipality right after the prefecture, written as the National Tax
 * Agency writes it: {@code 港区}, {@code 日野市}, a designated city with its ward ({@code
 * 大阪市西区}), or a town or village with its district ({@code 上川郡清水町}). A place has a city only
 * when it has a prefecture. Both are {@code null} when the address does not say; {@link #UNKNOWN}
 * is the place of no address at all.
 */
public record Place(Prefecture prefecture, String city) {

  /** The place of an address that names no prefecture. */
  public static final Place UNKNOWN = new Place(null, null);

  private static final Pattern POSTAL_CODE = Pattern.compile("^〒?\\d{3}[-‐−ー]?\\d{4}");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
  /** A district (郡) and one of its towns or villages. */
  private static final Pattern DISTRICT_TOWN = Pattern.compile("^([^\\d]{1,5}?郡)([^\\d]{1,6}?[町村])");
  /** A city: no ward may come before its 市 (新宿区市谷 is a ward, not a city). */
  private static final Pattern CITY = Pattern.compile("^[^\\d区]{1,7}?市");
  /** A ward, town or village without a district: Tokyo's wards and islands, or a district left out. */
  private static final Pattern WARD_TOWN_VILLAGE = Pattern.compile("^[^\\d]{1,6}?[区町村]");
  private static final Pattern WARD = Pattern.compile("^[^\\d区市]{1,4}?区");

  /** The 20 designated cities (政令指定都市): their addresses name a ward after the city. */
  private static final Map<String, Prefecture> DESIGNATED_CITIES = Map.ofEntries(
      Map.entry("札幌市", Prefecture.HOKKAIDO), Map.entry("仙台市", Prefecture.MIYAGI),
      Map.entry("さいたま市", Prefecture.SAITAMA), Map.entry("千葉市", Prefecture.CHIBA),
      Map.entry("横浜市", Prefecture.KANAGAWA), Map.entry("川崎市", Prefecture.KANAGAWA),
      Map.entry("相模原市", Prefecture.KANAGAWA), Map.entry("新潟市", Prefecture.NIIGATA),
      Map.entry("静岡市", Prefecture.SHIZUOKA), Map.entry("浜松市", Prefecture.SHIZUOKA),
      Map.entry("名古屋市", Prefecture.AICHI), Map.entry("京都市", Prefecture.KYOTO),
      Map.entry("大阪市", Prefecture.OSAKA), Map.entry("堺市", Prefecture.OSAKA),
      Map.entry("神戸市", Prefecture.HYOGO), Map.entry("岡山市", Prefecture.OKAYAMA),
      Map.entry("広島市", Prefecture.HIROSHIMA), Map.entry("北九州市", Prefecture.FUKUOKA),
      Map.entry("福岡市", Prefecture.FUKUOKA), Map.entry("熊本市", Prefecture.KUMAMOTO));

  /**
   * Cities that identify their prefecture when an address starts with them: every designated city
   * is unique in Japan, and 大阪狭山市 must not be read as 大阪 + 狭山市 (which is in 埼玉県).
   */
  private static final Map<String, Prefecture> LEADING_CITIES;

  static {
    var leading = new java.util.HashMap<>(DESIGNATED_CITIES);
    leading.put("大阪狭山市", Prefecture.OSAKA);
    LEADING_CITIES = Map.copyOf(leading);
  }

  /** Cities whose name itself ends in 市, so that their full name ends in 市市. */
  private static final Set<String> NAMES_ENDING_IN_SHI = Set.of("四日市", "廿日市", "野々市");
  /** Towns whose name contains 市 or doubles its 町; the patterns alone would cut them short. */
  private static final List<String> TOWNS_WITH_SHI = List.of("余市町", "上市町", "下市町", "市貝町", "市川三郷町",
      "市川町", "大町町");

  public Place {
    if (city != null && prefecture == null) {
      throw new IllegalArgumentException("a city needs its prefecture: " + city);
    }
  }

  /** {@code prefecture.kanji() + city}, e.g. {@code 東京都港区}; {@code null} without a city. */
  public String prefectureAndCity() {
    return city == null ? null : prefecture.kanji() + city;
  }

  /**
   * The place of an address or work location. The text is read after NFKC with whitespace and a
   * leading postal code removed. A prefecture is recognised by its full name at the start, by a
   * designated city (or 大阪狭山市) at the start, or by its short name (東京, 神奈川) when a
   * municipality follows it directly — {@code 東京港区} is 東京都港区, while {@code 京都市} is not
   * 京都 + 市.
   */
  public static Place parse(String address) {
    if (address == null) {
      return UNKNOWN;
    }
    String text = POSTAL_CODE.matcher(normalise(address)).replaceFirst("");
    if (text.isEmpty()) {
      return UNKNOWN;
    }
    for (Prefecture prefecture : Prefecture.all()) {
      if (text.startsWith(prefecture.kanji())) {
        return new Place(prefecture, city(text.substring(prefecture.kanji().length())));
      }
    }
    for (var leading : LEADING_CITIES.entrySet()) {
      if (text.startsWith(leading.getKey())) {
        return new Place(leading.getValue(), city(text));
      }
    }
    for (Prefecture prefecture : Prefecture.all()) {
      String shortName = prefecture.shortName();
      if (shortName != null && text.startsWith(shortName)) {
        String rest = text.substring(shortName.length());
        String city = rest.isEmpty() || "都道府県市区町村郡".indexOf(rest.charAt(0)) >= 0 ? null : city(rest);
        if (city != null) {
          return new Place(prefecture, city);
        }
      }
    }
    return UNKNOWN;
  }

  /**
   * A municipality as the master writes it (an office's city column), in the form {@link #parse}
   * gives: NFKC, no whitespace, small ヶ/ヵ as ケ/カ. {@code null} when blank.
   */
  public static String normaliseCity(String city) {
    if (city == null) {
      return null;
    }
    String normalised = normalise(city);
    return normalised.isEmpty() ? null : normalised;
  }

  /** The municipality at the start of {@code rest} (an address after its prefecture), or {@code null}. */
  static String city(String rest) {
    for (String town : TOWNS_WITH_SHI) {
      if (rest.startsWith(town)) {
        return town;
      }
    }
    Matcher district = DISTRICT_TOWN.matcher(rest);
    if (district.find()) {
      String town = district.group(2);
      String tail = rest.substring(district.end());
      for (String known : TOWNS_WITH_SHI) {
        if ((town + tail).startsWith(known)) {
          return district.group(1) + known;
        }
      }
      // 大和郡山市 is a city whose name contains 郡, not the district 大和郡
      if (!town.contains("市")) {
        return district.group();
      }
    }
    Matcher city = CITY.matcher(rest);
    if (city.find()) {
      String name = city.group();
      String tail = rest.substring(city.end());
      if (NAMES_ENDING_IN_SHI.contains(name) && tail.startsWith("市")) {
        return name + "市";
      }
      if (DESIGNATED_CITIES.containsKey(name)) {
        Matcher ward = WARD.matcher(tail);
        return ward.find() ? name + ward.group() : name;
      }
      return name;
    }
    Matcher other = WARD_TOWN_VILLAGE.matcher(rest);
    return other.find() ? other.group() : null;
  }

  private static String normalise(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return WHITESPACE.matcher(nfkc).replaceAll("").replace('ヶ', 'ケ').replace('ヵ', 'カ');
  }
}
