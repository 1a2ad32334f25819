package dev.nayose.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.master.Company;
import dev.nayose.master.CorporateNumber;
import dev.nayose.master.NtaFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The feed mix of real NTA sample companies: each kind made as {@link NoiseKind} says. */
class FeedMixSetTest {
  private static List<Company> companies;
  private static EvalSet set;
  private static Map<String, Company> master;

  @BeforeAll
  static void generate() throws Exception {
    companies = NtaFileReader.read(EvalSetGeneratorTest.SAMPLE).companies();
    set = new EvalSetGenerator(3).generateFeedMix(companies, 3_000, 3_000, FeedMix.defaults());
    master = set.master().stream().collect(Collectors.toMap(Company::companyId, Function.identity()));
  }

  private static List<EvalPosting> of(NoiseKind kind) {
    return set.postings().stream().filter(p -> p.kind() == kind).toList();
  }

  @Test
  void the_kinds_come_in_the_shares_of_feed_mix_properties() {
    Map<NoiseKind, Double> shares = FeedMix.defaults().shares();
    assertThat(shares.keySet()).containsExactly(NoiseKind.values());
    Map<NoiseKind, Long> counts = set.postings().stream()
        .collect(Collectors.groupingBy(EvalPosting::kind, () -> new EnumMap<>(NoiseKind.class), Collectors.counting()));
    shares.forEach((kind, share) -> assertThat((double) counts.get(kind) / 3_000).as(kind.name())
        .isCloseTo(share, org.assertj.core.data.Offset.offset(0.03)));
  }

  @Test
  void same_seed_same_feed_mix_and_the_standard_set_stays_standard(@TempDir Path dir) throws Exception {
    new EvalSetGenerator(3).generateFeedMix(companies, 3_000, 500, FeedMix.defaults()).writeTo(dir.resolve("a"));
    new EvalSetGenerator(3).generateFeedMix(companies, 3_000, 500, FeedMix.defaults()).writeTo(dir.resolve("b"));
    new EvalSetGenerator(4).generateFeedMix(companies, 3_000, 500, FeedMix.defaults()).writeTo(dir.resolve("c"));
    assertThat(Files.readString(dir.resolve("b/postings.csv"))).isEqualTo(Files.readString(dir.resolve("a/postings.csv")));
    assertThat(Files.readString(dir.resolve("b/truth.csv"))).isEqualTo(Files.readString(dir.resolve("a/truth.csv")));
    assertThat(Files.readString(dir.resolve("c/postings.csv"))).isNotEqualTo(Files.readString(dir.resolve("a/postings.csv")));
    assertThat(Scorer.readKinds(dir.resolve("a/truth.csv")).values()).contains(NoiseKind.KANA_TYPO, NoiseKind.STANDARD);

    EvalSet standard = new EvalSetGenerator(3).generate(companies, 3_000, 500);
    assertThat(standard.postings()).allMatch(p -> p.kind() == NoiseKind.STANDARD && p.companyNameKana() == null);
    // the feed mix draws the same master as the standard set of its seed
    assertThat(set.master()).isEqualTo(standard.master());
  }

  @Test
  void the_master_carries_the_furigana_of_nta_column_29() {
    long withKana = set.master().stream().filter(c -> c.nameKana() != null).count();
    assertThat((double) withKana / set.master().size()).isGreaterThan(0.8);
    assertThat(set.master().stream().map(Company::nameKana).filter(k -> k != null))
        .allMatch(k -> k.matches("[ァ-ヺー・　 Ａ-Ｚ０-９A-Z0-9＆&ヽヾ]+"));
  }

  @Test
  void decorated_postings_put_one_decoration_around_the_registered_name_and_use_each_in_turn() {
    List<String> templates = FeedPostings.decorations();
    List<EvalPosting> decorated = of(NoiseKind.DECORATED);
    assertThat(decorated).hasSizeGreaterThan(templates.size());
    for (int i = 0; i < decorated.size(); i++) {
      EvalPosting p = decorated.get(i);
      String name = master.get(p.truthCompanyId()).name();
      String template = templates.get(i % templates.size());
      Set<String> expected = new java.util.HashSet<>(List.of(template.replace("{sp}", "").replace("{name}", name),
          template.replace("{sp}", " ").replace("{name}", name), template.replace("{sp}", "　").replace("{name}", name)));
      assertThat(expected).as(p.postingId()).contains(p.companyName());
      assertThat(p.companyName()).isNotEqualTo(name);
      assertThat(p.corporateNumber()).isNull();
    }
    assertThat(templates).contains("{name}{sp}採用担当", "【正社員】{name}", "{name}{sp}本部", "{name}{sp}グループ",
        "{name}（本社）", "{name}{sp}人事部", "{name}{sp}急募", "{name}{sp}採用センター", "★{name}");
  }

  @Test
  void punctuation_postings_differ_from_the_registered_name_in_punctuation_only() {
    List<EvalPosting> punctuated = of(NoiseKind.PUNCTUATION);
    assertThat(punctuated).isNotEmpty();
    for (EvalPosting p : punctuated) {
      String name = master.get(p.truthCompanyId()).name();
      assertThat(p.companyName()).as(p.postingId()).isNotEqualTo(name);
      assertThat(unpunctuated(p.companyName())).as(p.postingId()).isEqualTo(unpunctuated(name));
    }
  }

  @Test
  void kana_typo_postings_change_one_kanji_and_give_the_right_furigana() {
    List<EvalPosting> typos = of(NoiseKind.KANA_TYPO);
    assertThat(typos).isNotEmpty();
    Set<String> scripts = new java.util.HashSet<>();
    for (EvalPosting p : typos) {
      Company c = master.get(p.truthCompanyId());
      String name = c.name();
      assertThat(p.companyName()).hasSameSizeAs(name).isNotEqualTo(name);
      int differ = 0;
      for (int i = 0; i < name.length(); i++) {
        if (name.charAt(i) != p.companyName().charAt(i)) {
          differ++;
          assertThat(FeedPostings.isKanji(name.charAt(i))).isTrue();
          assertThat(FeedPostings.isKanji(p.companyName().charAt(i))).isTrue();
        }
      }
      assertThat(differ).isEqualTo(1);
      assertThat(FeedPostings.core(p.companyName())).isNotEqualTo(FeedPostings.core(name));
      assertThat(fullWidthKatakana(p.companyNameKana())).isIn(c.nameKana(), c.nameKana().replace("ー", ""));
      scripts.add(p.companyNameKana().equals(fullWidthKatakana(p.companyNameKana())) ? "full"
          : p.companyNameKana().codePoints().anyMatch(ch -> ch >= 'ぁ' && ch <= 'ゖ') ? "hiragana" : "half");
    }
    assertThat(scripts).containsExactlyInAnyOrder("full", "half", "hiragana");
  }

  @Test
  void kana_only_postings_give_the_furigana_as_the_name_and_the_address() {
    List<EvalPosting> kanaOnly = of(NoiseKind.KANA_ONLY);
    assertThat(kanaOnly).isNotEmpty();
    for (EvalPosting p : kanaOnly) {
      Company c = master.get(p.truthCompanyId());
      assertThat(p.companyName()).isEqualTo(p.companyNameKana());
      assertThat(fullWidthKatakana(p.companyName())).isIn(c.nameKana(), c.nameKana().replace("ー", ""));
      assertThat(nfkc(p.address())).contains(nfkc(c.city()));
      assertThat(p.phone()).isNull();
      assertThat(p.corporateNumber()).isNull();
    }
  }

  @Test
  void city_only_postings_give_the_prefecture_and_city_and_nothing_else_of_the_place() {
    List<EvalPosting> cityOnly = of(NoiseKind.CITY_ONLY);
    assertThat(cityOnly).isNotEmpty();
    for (EvalPosting p : cityOnly) {
      Company c = master.get(p.truthCompanyId());
      assertThat(p.companyName()).isEqualTo(c.name());
      assertThat(p.address()).isEqualTo(c.prefecture() + c.city());
      assertThat(p.postalCode()).isNull();
      assertThat(p.phone()).isNull();
      assertThat(p.corporateNumber()).isNull();
    }
  }

  @Test
  void wrong_corporate_numbers_are_another_master_companys_valid_number_with_the_right_name_address_and_phone() {
    Set<String> numbers = set.master().stream().map(Company::corporateNumber).collect(Collectors.toSet());
    List<EvalPosting> wrong = of(NoiseKind.WRONG_CORPORATE_NUMBER);
    assertThat(wrong).isNotEmpty();
    for (EvalPosting p : wrong) {
      Company c = master.get(p.truthCompanyId());
      assertThat(CorporateNumber.isValid(p.corporateNumber())).isTrue();
      assertThat(p.corporateNumber()).isNotEqualTo(c.corporateNumber());
      assertThat(numbers).contains(p.corporateNumber());
      assertThat(p.companyName()).isEqualTo(c.name());
      assertThat(p.phone()).isEqualTo(c.phone());
      assertThat(nfkc(p.address())).contains(nfkc(c.city()));
    }
  }

  @Test
  void absent_neighbours_are_one_character_from_a_master_company_of_the_same_prefecture_and_not_in_the_master() {
    Set<String> names = set.master().stream().map(Company::name).collect(Collectors.toSet());
    List<EvalPosting> neighbours = of(NoiseKind.ABSENT_NEIGHBOUR);
    assertThat(neighbours).isNotEmpty();
    for (EvalPosting p : neighbours) {
      assertThat(p.present()).isFalse();
      assertThat(names).doesNotContain(p.companyName());
      String address = nfkc(p.address());
      boolean found = set.master().stream().anyMatch(m -> oneApart(m.name(), p.companyName()));
      assertThat(found).as(p.postingId() + " " + p.companyName()).isTrue();
      assertThat(address).as(p.postingId()).satisfiesAnyOf(
          a -> assertThat(set.master().stream().filter(m -> oneApart(m.name(), p.companyName()))
              .anyMatch(m -> a.startsWith(m.prefecture()))).isTrue(),
          a -> assertThat(PREFECTURES.stream().noneMatch(a::startsWith)).isTrue());
    }
  }

  private static final List<String> PREFECTURES = List.of("北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
      "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県",
      "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県",
      "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県",
      "大分県", "宮崎県", "鹿児島県", "沖縄県");

  @ParameterizedTest
  @CsvSource({"ガンバ, ｶﾞﾝﾊﾞ, がんば", "パーク, ﾊﾟｰｸ, ぱーく", "ヴィッツ, ｳﾞｨｯﾂ, ゔぃっつ", "シヨウジ, ｼﾖｳｼﾞ, しようじ"})
  void kana_is_written_in_half_width_and_in_hiragana(String katakana, String half, String hiragana) {
    assertThat(FeedPostings.halfWidth(katakana)).isEqualTo(half);
    assertThat(FeedPostings.hiragana(katakana)).isEqualTo(hiragana);
    assertThat(fullWidthKatakana(half)).isEqualTo(katakana);
  }

  @ParameterizedTest
  @CsvSource({"株式会社光, 光", "光株式会社, 光", "有限会社山田商店, 山田商店", "株式会社, 株式会社"})
  void a_typo_falls_in_the_core_even_of_a_short_name(String name, String core) {
    assertThat(FeedPostings.core(name)).isEqualTo(core);
    if (!core.equals(name)) {
      String typo = FeedPostings.kanjiTypo(name, new Random(1));
      assertThat(FeedPostings.core(typo)).hasSameSizeAs(core).isNotEqualTo(core);
      assertThat(typo).startsWith(name.substring(0, name.indexOf(core)));
    }
  }

  @Test
  void a_name_without_kanji_or_anything_to_punctuate_gives_no_posting_of_those_kinds() {
    assertThat(FeedPostings.kanjiTypo("株式会社アイ", new Random(1))).isNull();
    assertThat(FeedPostings.punctuated("株式会社アイ", new Random(1))).isNull();
    assertThat(FeedPostings.punctuated("株式会社山田アイ", new Random(1))).isIn("株式会社山田・アイ", "株式会社山田 アイ",
        "株式会社山田　アイ");
    assertThat(FeedPostings.punctuated("Ａ＆Ｂ株式会社", new Random(2))).isIn("Ａ&Ｂ株式会社", "ＡアンドＢ株式会社",
        "Ａ & Ｂ株式会社", "Ａ・Ｂ株式会社", "Ａ・＆Ｂ株式会社", "Ａ ＆Ｂ株式会社", "Ａ　＆Ｂ株式会社");
  }

  @Test
  void shares_must_add_up_to_one() {
    assertThatThrownBy(() -> new FeedMix(Map.of(NoiseKind.STANDARD, 0.5, NoiseKind.DECORATED, 0.4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.9");
    FeedMix mix = new FeedMix(Map.of(NoiseKind.STANDARD, 0.5, NoiseKind.DECORATED, 0.5));
    assertThat(mix.draw(0.0)).isEqualTo(NoiseKind.STANDARD);
    assertThat(mix.draw(0.4999)).isEqualTo(NoiseKind.STANDARD);
    assertThat(mix.draw(0.5)).isEqualTo(NoiseKind.DECORATED);
    assertThat(mix.draw(0.9999)).isEqualTo(NoiseKind.DECORATED);
  }

  private static boolean oneApart(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int differ = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        differ++;
      }
    }
    return differ == 1;
  }

  private static String unpunctuated(String name) {
    return name.replace("アンド", "").replaceAll("[・･· 　＆&ー－\\-―‐ｰ]", "");
  }

  /** NFKC (half-width to full-width) and hiragana to katakana. */
  private static String fullWidthKatakana(String kana) {
    StringBuilder out = new StringBuilder();
    nfkc(kana).chars().forEach(ch -> out.append(ch >= 'ぁ' && ch <= 'ゖ' ? (char) (ch + 0x60) : (char) ch));
    return out.toString();
  }

  private static String nfkc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC);
  }
}
