package dev.nayose.eval;

import dev.nayose.master.Company;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Renders the postings of one {@link NoiseKind} other than {@link NoiseKind#STANDARD} (issue 12):
 * each kind changes what it is about and nothing else, so that its figures say what that shape of
 * posting costs. The name is the registered one (or the kind's rendering of it); the address,
 * postal code and phone are written with the standard noise ({@link PostingNoise}); no corporate
 * number is given except by {@link NoiseKind#WRONG_CORPORATE_NUMBER}. Every choice is drawn from
 * the given {@link Random}.
 */
final class FeedPostings {
  /** Legal forms at either end of a registered name; the rest is the name's core. */
  static final List<String> LEGAL_FORMS = List.of("株式会社", "有限会社", "合同会社", "合資会社", "合名会社",
      "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "特定非営利活動法人", "医療法人社団", "医療法人",
      "社会福祉法人", "学校法人", "宗教法人");
  /** Kanji a typo or a neighbouring name puts in place of one of the name's. */
  private static final String KANJI = "田中山川本木村井上野原松竹林森石島藤東西南北大小新和光明日月金銀電工業産商事建設運輸"
      + "高橋佐伊東京都市丸三友住栄興信物流開発技研機械化学食品薬医療福祉企画総合";
  private static final String KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
  private static final String LATIN = "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＲＳＴＵＶＷＸＹＺ";
  private static final List<String> SEPARATORS = List.of("", " ", "　");
  private static final List<String> MIDDLE_DOTS = List.of("･", "·", " ", "　", "");
  private static final List<String> AMPERSANDS = List.of("＆", "&", "アンド", " & ", "・");
  private static final List<String> DASHES = List.of("－", "-", "―", "‐", "ｰ");
  private static final Map<Integer, Character> HALF_WIDTH = halfWidthKatakana();

  private final List<Company> master;
  private final Map<String, List<Company>> absentByPrefecture = new LinkedHashMap<>();
  private final Set<String> masterNames = new HashSet<>();
  private final PostingNoise noise;
  private final Random random;
  private final List<String> decorations;
  private int decorated;

  FeedPostings(List<Company> master, List<Company> absent, PostingNoise noise, Random random) {
    this.master = master;
    this.noise = noise;
    this.random = random;
    this.decorations = decorations();
    master.forEach(c -> masterNames.add(c.name()));
    absent.forEach(c -> absentByPrefecture.computeIfAbsent(c.prefecture(), p -> new ArrayList<>()).add(c));
  }

  /** One posting of {@code kind}. */
  EvalPosting posting(NoiseKind kind, String postingId) {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      Company company = master.get(random.nextInt(master.size()));
      EvalPosting posting = switch (kind) {
        case DECORATED -> decorated(postingId, company);
        case PUNCTUATION -> punctuation(postingId, company);
        case KANA_TYPO -> kanaTypo(postingId, company);
        case KANA_ONLY -> kanaOnly(postingId, company);
        case CITY_ONLY -> cityOnly(postingId, company);
        case WRONG_CORPORATE_NUMBER -> wrongCorporateNumber(postingId, company);
        case ABSENT_NEIGHBOUR -> absentNeighbour(postingId, company);
        case STANDARD -> throw new IllegalArgumentException("standard postings are the generator's");
      };
      if (posting != null) {
        return posting;
      }
    }
    throw new IllegalStateException("no company of the master can make a " + kind + " posting");
  }

  /** The decorations, in the file's order; postings use them in turn, so each is used as often as the others. */
  static List<String> decorations() {
    try (InputStream in = FeedPostings.class.getResourceAsStream("feed-decorations.txt")) {
      if (in == null) {
        throw new IllegalStateException("feed-decorations.txt is missing");
      }
      List<String> templates = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isBlank() && !line.startsWith("#")) {
            if (!line.contains("{name}")) {
              throw new IllegalStateException("a decoration without {name}: " + line);
            }
            templates.add(line);
          }
        }
      }
      return List.copyOf(templates);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EvalPosting decorated(String postingId, Company c) {
    String template = decorations.get(decorated++ % decorations.size());
    String name = template.replace("{sp}", noise.pick(SEPARATORS)).replace("{name}", c.name());
    return present(postingId, name, null, c, NoiseKind.DECORATED);
  }

  private EvalPosting punctuation(String postingId, Company c) {
    String name = punctuated(c.name(), random);
    return name == null ? null : present(postingId, name, null, c, NoiseKind.PUNCTUATION);
  }

  /**
   * The name with one punctuation variant feeds write, or {@code null} when it has nothing to vary:
   * its ・ as ･ · a space or nothing; its ＆ & アンド as another; its spaces dropped or of the other
   * width; its long vowel mark as a dash look-alike; or a ・ or a space where the script changes.
   */
  static String punctuated(String name, Random random) {
    List<String> variants = new ArrayList<>();
    if (name.contains("・")) {
      variants.add(name.replace("・", pick(MIDDLE_DOTS, random)));
    }
    for (String amp : List.of("＆", "&", "アンド")) {
      if (name.contains(amp)) {
        String other;
        do {
          other = pick(AMPERSANDS, random);
        } while (other.equals(amp));
        variants.add(name.replace(amp, other));
        break;
      }
    }
    if (name.contains(" ") || name.contains("　")) {
      variants.add(name.replace(" ", random.nextBoolean() ? "" : "　").replace("　", random.nextBoolean() ? "" : " "));
    }
    int longVowel = name.indexOf('ー');
    if (longVowel > 0) {
      variants.add(name.substring(0, longVowel) + pick(DASHES, random) + name.substring(longVowel + 1));
    }
    String core = core(name);
    int boundary = scriptBoundary(core);
    if (boundary > 0) {
      int at = name.indexOf(core) + boundary;
      variants.add(name.substring(0, at) + (random.nextBoolean() ? "・" : pick(SEPARATORS.subList(1, 3), random))
          + name.substring(at));
    }
    variants.remove(name);
    return variants.isEmpty() ? null : variants.get(random.nextInt(variants.size()));
  }

  private EvalPosting kanaTypo(String postingId, Company c) {
    if (c.nameKana() == null) {
      return null;
    }
    String name = kanjiTypo(c.name(), random);
    if (name == null) {
      return null;
    }
    return present(postingId, name, kana(c.nameKana(), random), c, NoiseKind.KANA_TYPO);
  }

  /** The name with one kanji of its core replaced by another kanji, or {@code null} when the core has no kanji. */
  static String kanjiTypo(String name, Random random) {
    String core = core(name);
    int start = name.indexOf(core);
    List<Integer> kanji = new ArrayList<>();
    for (int i = 0; i < core.length(); i++) {
      if (isKanji(core.charAt(i))) {
        kanji.add(i);
      }
    }
    if (kanji.isEmpty()) {
      return null;
    }
    int at = start + kanji.get(random.nextInt(kanji.size()));
    return name.substring(0, at) + other(KANJI, name.charAt(at), random) + name.substring(at + 1);
  }

  private EvalPosting kanaOnly(String postingId, Company c) {
    if (c.nameKana() == null) {
      return null;
    }
    String kana = kana(c.nameKana(), random);
    return new EvalPosting(postingId, kana, kana, null, noise.postalCode(c.postalCode()), address(c), null,
        noise.workLocation(c.prefecture(), c.city()), c.companyId(), null, NoiseKind.KANA_ONLY);
  }

  /**
   * The furigana as postings write it: full-width katakana (as the NTA has it), half-width
   * katakana or hiragana, a third of the time without its long vowel marks.
   */
  static String kana(String furigana, Random random) {
    String kana = random.nextInt(3) == 0 && furigana.indexOf('ー') > 0 ? furigana.replace("ー", "") : furigana;
    return switch (random.nextInt(3)) {
      case 0 -> kana;
      case 1 -> halfWidth(kana);
      default -> hiragana(kana);
    };
  }

  /** Full-width katakana to half-width (ガ → ｶﾞ); what has no half-width form is kept. */
  static String halfWidth(String katakana) {
    StringBuilder out = new StringBuilder();
    Normalizer.normalize(katakana, Normalizer.Form.NFD).chars().forEach(ch -> {
      Character half = HALF_WIDTH.get(ch);
      out.append(half == null ? (char) ch : half);
    });
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }

  /** Full-width katakana to hiragana (ァ–ヶ → ぁ–ゖ); the long vowel mark and the rest are kept. */
  static String hiragana(String katakana) {
    StringBuilder out = new StringBuilder();
    katakana.chars().forEach(ch -> out.append(ch >= 'ァ' && ch <= 'ヶ' ? (char) (ch - 0x60) : (char) ch));
    return out.toString();
  }

  private EvalPosting cityOnly(String postingId, Company c) {
    String place = c.prefecture() + c.city();
    return new EvalPosting(postingId, c.name(), null, null, null, place, null, random.nextBoolean() ? place : null,
        c.companyId(), null, NoiseKind.CITY_ONLY);
  }

  private EvalPosting wrongCorporateNumber(String postingId, Company c) {
    Company other = master.get(random.nextInt(master.size()));
    if (other == c || other.corporateNumber() == null || other.corporateNumber().equals(c.corporateNumber())) {
      return null;
    }
    return new EvalPosting(postingId, c.name(), null, other.corporateNumber(), noise.postalCode(c.postalCode()),
        address(c), c.phone(), noise.workLocation(c.prefecture(), c.city()), c.companyId(), null,
        NoiseKind.WRONG_CORPORATE_NUMBER);
  }

  private EvalPosting absentNeighbour(String postingId, Company c) {
    List<Company> places = absentByPrefecture.get(c.prefecture());
    if (places == null) {
      return null;
    }
    String name = neighbour(c.name(), random);
    if (name == null || masterNames.contains(name)) {
      return null;
    }
    Company place = places.get(random.nextInt(places.size()));
    return new EvalPosting(postingId, name, null, null, noise.postalCode(place.postalCode()), address(place),
        noise.phone(place.phone()), noise.workLocation(place.prefecture(), place.city()), null, null,
        NoiseKind.ABSENT_NEIGHBOUR);
  }

  /**
   * The name with one character of its core replaced by another of the same script (kanji,
   * katakana, full-width Latin), or {@code null} when the core has none of those.
   */
  static String neighbour(String name, Random random) {
    String core = core(name);
    int start = name.indexOf(core);
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < core.length(); i++) {
      if (alphabet(core.charAt(i)) != null) {
        positions.add(i);
      }
    }
    if (positions.isEmpty()) {
      return null;
    }
    int at = start + positions.get(random.nextInt(positions.size()));
    char replaced = name.charAt(at);
    return name.substring(0, at) + other(alphabet(replaced), replaced, random) + name.substring(at + 1);
  }

  private static String alphabet(char ch) {
    if (isKanji(ch)) {
      return KANJI;
    }
    if (KATAKANA.indexOf(ch) >= 0) {
      return KATAKANA;
    }
    return LATIN.indexOf(ch) >= 0 ? LATIN : null;
  }

  private EvalPosting present(String postingId, String name, String kana, Company c, NoiseKind kind) {
    return new EvalPosting(postingId, name, kana, null, noise.postalCode(c.postalCode()),
        noise.address(c.prefecture(), c.city(), c.street()), noise.phone(c.phone()),
        noise.workLocation(c.prefecture(), c.city()), c.companyId(), null, kind);
  }

  /** The address with the standard noise, never left out. */
  private String address(Company c) {
    String address = noise.address(c.prefecture(), c.city(), c.street());
    return address != null ? address : c.prefecture() + c.city() + (c.street() == null ? "" : c.street());
  }

  /** The name without the legal form at its start or end (the whole name when that leaves nothing). */
  static String core(String name) {
    for (String form : LEGAL_FORMS) {
      if (name.startsWith(form) && name.length() > form.length()) {
        return name.substring(form.length());
      }
      if (name.endsWith(form) && name.length() > form.length()) {
        return name.substring(0, name.length() - form.length());
      }
    }
    return name;
  }

  /** The first index where the core passes from kanji to kana or Latin or back, 0 when there is none. */
  private static int scriptBoundary(String core) {
    for (int i = 1; i < core.length(); i++) {
      if (script(core.charAt(i - 1)) != script(core.charAt(i)) && script(core.charAt(i - 1)) != 0
          && script(core.charAt(i)) != 0) {
        return i;
      }
    }
    return 0;
  }

  private static int script(char ch) {
    if (isKanji(ch)) {
      return 1;
    }
    if ((ch >= 'ァ' && ch <= 'ヺ') || ch == 'ー') {
      return 2;
    }
    if ((ch >= 'Ａ' && ch <= 'ｚ') || (ch >= 'A' && ch <= 'z')) {
      return 3;
    }
    return 0;
  }

  static boolean isKanji(char ch) {
    return Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN && ch != '々' && ch != '〆';
  }

  private static char other(String alphabet, char not, Random random) {
    char ch;
    do {
      ch = alphabet.charAt(random.nextInt(alphabet.length()));
    } while (ch == not);
    return ch;
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static Map<Integer, Character> halfWidthKatakana() {
    Map<Integer, Character> map = new HashMap<>();
    for (char half = '\uFF66'; half <= '\uFF9D'; half++) {
      map.put((int) Normalizer.normalize(String.valueOf(half), Normalizer.Form.NFKC).charAt(0), half);
    }
    map.put((int) 'ー', '\uFF70');
    map.put(0x3099, '\uFF9E'); // combining voiced mark
    map.put(0x309A, '\uFF9F'); // combining semi-voiced mark
    return map;
  }
}
