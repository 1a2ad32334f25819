package dev.nayose.eval;

import dev.nayose.master.CorporateNumber;
import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a company's fields the way partners write them (issue 3, point 2): legal forms moved and
 * abbreviated, width, spaces, old and variant kanji, branch words, typos; addresses without
 * prefecture, with kanji numerals, hyphens for 丁目・番地・号 and building suffixes; phones and
 * postal codes in their written forms; corporate numbers with a wrong check digit. Every choice is
 * drawn from the given {@link Random}, so a seed gives one rendering.
 */
final class PostingNoise {
  private static final List<String> KABUSHIKI = List.of("株式会社", "(株)", "㈱", "（株）", "（株）");
  private static final List<String> YUGEN = List.of("有限会社", "(有)", "㈲", "（有）");
  private static final List<String> GODO = List.of("合同会社", "(同)", "（同）");
  /** Standard and old or variant forms; postings use either. */
  private static final String[][] VARIANTS = {{"高", "髙"}, {"崎", "﨑"}, {"斎", "齋"}, {"辺", "邊"}, {"浜", "濵"},
      {"徳", "德"}};
  private static final String KANJI_DIGITS = "〇一二三四五六七八九";
  private static final Pattern CHOME = Pattern.compile("([0-9０-９]+)丁目([0-9０-９]+)番地?([0-9０-９]+)?号?");
  private static final List<String> BUILDINGS = List.of("第一ビル", "センタービル", "スカイタワー", "駅前ビル", "ハイツ");
  private static final String TYPO_CHARS = "アイウエオカキクケコサシスセソタチツテトナニヌネノ一二三四五";

  private final Random random;

  PostingNoise(Random random) {
    this.random = random;
  }

  String name(String name, String city) {
    return name(name, city, null);
  }

  /**
   * The name of a posting written at {@code office} (its name, e.g. 大阪支店; {@code null} at the
   * head office): partners often add the office's name to the company's.
   */
  String name(String name, String city, String office) {
    String core = name;
    List<String> forms = null;
    for (var entry : List.of(List.of("株式会社", KABUSHIKI), List.of("有限会社", YUGEN), List.of("合同会社", GODO))) {
      String form = (String) entry.get(0);
      if (core.startsWith(form) || core.endsWith(form)) {
        core = core.startsWith(form) ? core.substring(form.length()) : core.substring(0, core.length() - form.length());
        @SuppressWarnings("unchecked")
        List<String> renderings = (List<String>) entry.get(1);
        forms = renderings;
        break;
      }
    }
    if (core.isBlank()) {
      core = name;
      forms = null;
    }
    core = variants(core);
    if (chance(0.05)) {
      core = typo(core);
    }
    if (chance(0.5)) {
      core = nfkc(core);
    }
    String result = core;
    if (forms != null && !chance(0.04)) {
      String form = pick(forms);
      if (chance(0.3)) {
        form = nfkc(form);
      }
      String space = chance(0.2) ? pick(List.of(" ", "　")) : "";
      result = chance(0.5) ? form + space + core : core + space + form;
    }
    if (office != null && chance(0.6)) {
      result = result + pick(List.of(" ", "　", "")) + office;
    } else if (chance(0.12)) {
      result = result + pick(List.of(" ", "　", "")) + branch(city);
    }
    return result;
  }

  private String branch(String city) {
    String place = city == null ? "東京" : city.replaceAll("^.*?[郡市]", "").replaceAll("[市区町村]$", "");
    if (place.isEmpty()) {
      place = "中央";
    }
    return switch (random.nextInt(5)) {
      case 0 -> "本社";
      case 1 -> place + "支店";
      case 2 -> place + "営業所";
      case 3 -> place + "店";
      default -> "本店";
    };
  }

  private String variants(String text) {
    String result = text;
    for (String[] pair : VARIANTS) {
      if (result.contains(pair[0]) && chance(0.4)) {
        result = result.replace(pair[0], pair[1]);
      } else if (result.contains(pair[1]) && chance(0.4)) {
        result = result.replace(pair[1], pair[0]);
      }
    }
    return result;
  }

  private String typo(String text) {
    int length = text.codePointCount(0, text.length());
    if (length < 3) {
      return text;
    }
    int[] cps = text.codePoints().toArray();
    int at = random.nextInt(length);
    StringBuilder out = new StringBuilder();
    int kind = random.nextInt(3);
    for (int i = 0; i < cps.length; i++) {
      if (i == at && kind == 0) {
        continue; // dropped
      }
      if (i == at && kind == 1) {
        out.appendCodePoint(TYPO_CHARS.charAt(random.nextInt(TYPO_CHARS.length())));
        continue; // replaced
      }
      out.appendCodePoint(cps[i]);
      if (i == at && kind == 2) {
        out.appendCodePoint(cps[i]); // doubled
      }
    }
    return out.toString();
  }

  /** The address, or {@code null} when the posting leaves it out. */
  String address(String prefecture, String city, String street) {
    if (city == null || chance(0.08)) {
      return null;
    }
    String rest = city + (street == null ? "" : street);
    if (chance(0.3)) {
      Matcher m = CHOME.matcher(rest);
      if (m.find()) {
        String hyphens = m.group(1) + "－" + m.group(2) + (m.group(3) == null ? "" : "－" + m.group(3));
        rest = rest.substring(0, m.start()) + hyphens + rest.substring(m.end());
      }
    } else if (chance(0.2)) {
      rest = kanjiNumerals(rest);
    }
    if (chance(0.2)) {
      rest = rest + pick(List.of(" ", "　", "")) + pick(BUILDINGS) + (1 + random.nextInt(9)) + "F";
    }
    String address = (prefecture == null || chance(0.3) ? "" : prefecture) + rest;
    return chance(0.5) ? nfkc(address) : address;
  }

  /** The work location: the address's prefecture and city, or {@code null}. */
  String workLocation(String prefecture, String city) {
    if (city == null || chance(0.6)) {
      return null;
    }
    return (prefecture == null ? "" : prefecture) + city;
  }

  private static String kanjiNumerals(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> {
      int digit = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
      if (digit >= 0) {
        out.append(KANJI_DIGITS.charAt(digit));
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  String phone(String phone) {
    if (phone == null || chance(0.3)) {
      return null;
    }
    String[] parts = phone.split("-");
    String written = switch (random.nextInt(5)) {
      case 0 -> phone;
      case 1 -> String.join("", parts);
      case 2 -> "+81-" + parts[0].substring(1) + "-" + parts[1] + "-" + parts[2];
      case 3 -> "(" + parts[0] + ")" + parts[1] + "-" + parts[2];
      default -> toFullWidth(phone);
    };
    return written;
  }

  String postalCode(String postalCode) {
    if (postalCode == null || chance(0.2)) {
      return null;
    }
    return switch (random.nextInt(3)) {
      case 0 -> postalCode;
      case 1 -> postalCode.substring(0, 3) + "-" + postalCode.substring(3);
      default -> "〒" + postalCode.substring(0, 3) + "-" + postalCode.substring(3);
    };
  }

  /** The corporate number as given: mostly absent, sometimes right, sometimes with a typo. */
  String corporateNumber(String number, double givenShare) {
    if (number == null || !chance(givenShare)) {
      return null;
    }
    if (chance(0.15)) {
      return mistyped(number);
    }
    return chance(0.1) ? toFullWidth(number) : number;
  }

  /** The number with one digit changed so that its check digit no longer holds. */
  String mistyped(String number) {
    while (true) {
      int at = random.nextInt(CorporateNumber.LENGTH);
      int digit = (number.charAt(at) - '0' + 1 + random.nextInt(9)) % 10;
      String typo = number.substring(0, at) + digit + number.substring(at + 1);
      if (!CorporateNumber.isValid(typo)) {
        return typo;
      }
    }
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String nfkc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  private static String toFullWidth(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : (char) c));
    return out.toString();
  }
}
