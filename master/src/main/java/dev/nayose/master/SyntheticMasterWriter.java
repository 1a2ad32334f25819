package dev.nayose.master;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a synthetic company master of any size as companies.csv and offices.csv (UTF-8, LF,
 * header row, the columns of {@link CompaniesCsvReader#COLUMNS} and {@link OfficesCsvReader#COLUMNS}),
 * for load tests and benchmarks that need the 1.4 million companies of a real master without its
 * data.
 *
 * <p>Deterministic: the same seed and size give byte-identical files on any JVM
 * ({@link java.util.Random}'s algorithm is specified). Plausible: names are a core word (surname,
 * place, katakana or letters), a line of business and a legal form in front or behind
 * (株式会社 most, then 有限会社, 合同会社, ...), so that many companies share a core and some share a
 * whole name, as in the real master; addresses are real prefecture and city names with
 * NTA-style full-width street numbers and postal codes that start like the city's. About 92 % of
 * the companies have a corporate number (valid, unique); company ids are {@code C0000001} on. About a
 * quarter of the companies get one to three offices ({@code C0000001-1}, ...).
 */
public final class SyntheticMasterWriter {
  private static final double WITH_CORPORATE_NUMBER = 0.92;
  private static final double WITH_KANA = 0.85;
  private static final double WITH_PHONE = 0.8;
  private static final double WITH_WEBSITE = 0.4;
  private static final double WITH_OFFICES = 0.25;

  private final long seed;

  /** How many rows each file got. */
  public record Written(long companies, long offices) {}

  public SyntheticMasterWriter(long seed) {
    this.seed = seed;
  }

  /** Writes {@code companyCount} companies and their offices, replacing the files. */
  public Written write(Path companiesCsv, Path officesCsv, int companyCount) throws IOException {
    if (companyCount < 0) {
      throw new IllegalArgumentException("companyCount must be >= 0, was " + companyCount);
    }
    var random = new Random(seed);
    var registry = new RegistryNumbers();
    long offices = 0;
    try (CsvWriter companies = csv(companiesCsv); CsvWriter officeRows = csv(officesCsv)) {
      companies.writeRecord(CompaniesCsvReader.COLUMNS);
      officeRows.writeRecord(OfficesCsvReader.COLUMNS);
      for (int i = 1; i <= companyCount; i++) {
        String companyId = String.format("C%07d", i);
        City city = pick(random, CITIES);
        Word core = pick(random, CORES);
        Word business = pick(random, BUSINESSES);
        LegalForm form = pickWeighted(random, FORMS);
        String bare = core.text + business.text;
        String name = random.nextDouble() < form.inFront ? form.text + bare : bare + form.text;
        String number = random.nextDouble() < WITH_CORPORATE_NUMBER ? registry.next(city, form) : null;
        companies.writeRecord(
            companyId,
            number,
            name,
            random.nextDouble() < WITH_KANA ? core.kana + business.kana : null,
            city.prefecture,
            city.name,
            street(random),
            postalCode(random, city),
            random.nextDouble() < WITH_PHONE ? phone(random, city) : null,
            random.nextDouble() < WITH_WEBSITE ? website(core, business, form) : null);
        if (random.nextDouble() < WITH_OFFICES) {
          int count = 1 + random.nextInt(3);
          for (int k = 1; k <= count; k++) {
            City at = pick(random, CITIES);
            officeRows.writeRecord(
                companyId + "-" + k,
                companyId,
                shortCity(at) + pick(random, OFFICE_KINDS),
                at.prefecture,
                at.name,
                street(random),
                postalCode(random, at),
                phone(random, at));
            offices++;
          }
        }
      }
    }
    return new Written(companyCount, offices);
  }

  private static CsvWriter csv(Path file) throws IOException {
    return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
  }

  /** The city as an office name says it: 大阪市中央区 → 中央, 川越市 → 川越, 千代田区 → 千代田. */
  private static String shortCity(City city) {
    String name = city.name;
    int ward = name.indexOf('市');
    if (ward >= 0 && ward < name.length() - 1) {
      name = name.substring(ward + 1);
    }
    return name.length() > 2 && (name.endsWith("市") || name.endsWith("区")) ? name.substring(0, name.length() - 1) : name;
  }

  private static String street(Random random) {
    String town = pick(random, TOWNS);
    return town + fullWidth(1 + random.nextInt(9)) + "丁目" + fullWidth(1 + random.nextInt(30)) + "番"
        + fullWidth(1 + random.nextInt(25)) + "号";
  }

  private static String postalCode(Random random, City city) {
    return city.postalPrefix + String.format("%04d", random.nextInt(10_000));
  }

  private static String phone(Random random, City city) {
    // a fixed-line number has ten digits: area code (with its 0), exchange, 4-digit subscriber
    int exchangeDigits = 10 - city.areaCode.length() - 4;
    int lowest = (int) Math.pow(10, exchangeDigits - 1);
    int exchange = lowest + random.nextInt(9 * lowest);
    return city.areaCode + "-" + exchange + "-" + String.format("%04d", random.nextInt(10_000));
  }

  private static String website(Word core, Word business, LegalForm form) {
    return "https://www." + core.romaji + "-" + business.romaji + form.domain;
  }

  private static String fullWidth(int number) {
    StringBuilder text = new StringBuilder();
    for (char c : Integer.toString(number).toCharArray()) {
      text.append((char) ('０' + (c - '0')));
    }
    return text.toString();
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static LegalForm pickWeighted(Random random, List<LegalForm> forms) {
    int total = forms.stream().mapToInt(f -> f.weight).sum();
    int at = random.nextInt(total);
    for (LegalForm form : forms) {
      at -= form.weight;
      if (at < 0) {
        return form;
      }
    }
    throw new AssertionError("weights exhausted");
  }

  /**
   * Unique corporate numbers shaped like real ones: the registry office code of the city (4
   * digits), the kind (2) and a serial (6), then the check digit in front. A registry that runs out
   * of serials moves on to the next free code.
   */
  private static final class RegistryNumbers {
    private final Map<Integer, Integer> serials = new HashMap<>();

    String next(City city, LegalForm form) {
      int registry = city.registry;
      while (serials.getOrDefault(registry * 100 + form.kindDigits, 0) >= 999_999) {
        registry++;
      }
      int serial = serials.merge(registry * 100 + form.kindDigits, 1, Integer::sum);
      String base = String.format("%04d%02d%06d", registry % 10_000, form.kindDigits, serial);
      return CorporateNumber.checkDigit(base) + base;
    }
  }

  private record Word(String text, String kana, String romaji) {}

  private record LegalForm(String text, int weight, double inFront, int kindDigits, String domain) {}

  private record City(String prefecture, String name, String postalPrefix, String areaCode, int registry) {}

  private static final List<LegalForm> FORMS = List.of(
      new LegalForm("株式会社", 650, 0.45, 1, ".co.jp"),
      new LegalForm("有限会社", 170, 0.5, 2, ".co.jp"),
      new LegalForm("合同会社", 100, 0.3, 5, ".jp"),
      new LegalForm("合資会社", 10, 0.5, 4, ".jp"),
      new LegalForm("一般社団法人", 30, 1.0, 5, ".or.jp"),
      new LegalForm("医療法人社団", 20, 1.0, 5, ".or.jp"),
      new LegalForm("特定非営利活動法人", 20, 1.0, 5, ".org"));

  private static final List<Word> CORES = List.of(
      new Word("山田", "ヤマダ", "yamada"), new Word("田中", "タナカ", "tanaka"), new Word("佐藤", "サトウ", "sato"),
      new Word("鈴木", "スズキ", "suzuki"), new Word("高橋", "タカハシ", "takahashi"), new Word("伊藤", "イトウ", "ito"),
      new Word("渡辺", "ワタナベ", "watanabe"), new Word("中村", "ナカムラ", "nakamura"), new Word("小林", "コバヤシ", "kobayashi"),
      new Word("加藤", "カトウ", "kato"), new Word("吉田", "ヨシダ", "yoshida"), new Word("山本", "ヤマモト", "yamamoto"),
      new Word("松本", "マツモト", "matsumoto"), new Word("井上", "イノウエ", "inoue"), new Word("木村", "キムラ", "kimura"),
      new Word("斎藤", "サイトウ", "saito"), new Word("清水", "シミズ", "shimizu"), new Word("山口", "ヤマグチ", "yamaguchi"),
      new Word("森田", "モリタ", "morita"), new Word("岡本", "オカモト", "okamoto"), new Word("藤井", "フジイ", "fujii"),
      new Word("東京", "トウキョウ", "tokyo"), new Word("日本", "ニホン", "nihon"), new Word("大和", "ヤマト", "yamato"),
      new Word("中央", "チュウオウ", "chuo"), new Word("東洋", "トウヨウ", "toyo"), new Word("太平洋", "タイヘイヨウ", "taiheiyo"),
      new Word("関東", "カントウ", "kanto"), new Word("北海", "ホッカイ", "hokkai"), new Word("富士", "フジ", "fuji"),
      new Word("昭和", "ショウワ", "showa"), new Word("新光", "シンコウ", "shinko"), new Word("旭", "アサヒ", "asahi"),
      new Word("朝日", "アサヒ", "asahi"), new Word("三和", "サンワ", "sanwa"), new Word("大成", "タイセイ", "taisei"),
      new Word("共栄", "キョウエイ", "kyoei"), new Word("協和", "キョウワ", "kyowa"), new Word("三栄", "サンエイ", "san-ei"),
      new Word("第一", "ダイイチ", "daiichi"), new Word("東邦", "トウホウ", "toho"), new Word("日新", "ニッシン", "nisshin"),
      new Word("明治", "メイジ", "meiji"), new Word("浪速", "ナニワ", "naniwa"), new Word("瀬戸内", "セトウチ", "setouchi"),
      new Word("アオバ", "アオバ", "aoba"), new Word("サクラ", "サクラ", "sakura"), new Word("ミライ", "ミライ", "mirai"),
      new Word("ヒカリ", "ヒカリ", "hikari"), new Word("グリーン", "グリーン", "green"), new Word("サン", "サン", "sun"),
      new Word("エース", "エース", "ace"), new Word("ユニオン", "ユニオン", "union"), new Word("グローバル", "グローバル", "global"),
      new Word("テクノ", "テクノ", "techno"), new Word("ネクスト", "ネクスト", "next"), new Word("フロンティア", "フロンティア", "frontier"),
      new Word("スマイル", "スマイル", "smile"), new Word("ライフ", "ライフ", "life"), new Word("ワールド", "ワールド", "world"),
      new Word("ＡＢＣ", "エービーシー", "abc"), new Word("ＪＰ", "ジェイピー", "jp"), new Word("ＫＳ", "ケーエス", "ks"),
      new Word("ＴＭ", "ティーエム", "tm"), new Word("ＮＥＸ", "ネックス", "nex"));

  private static final List<Word> BUSINESSES = List.of(
      new Word("商事", "ショウジ", "shoji"), new Word("工業", "コウギョウ", "kogyo"), new Word("建設", "ケンセツ", "kensetsu"),
      new Word("電機", "デンキ", "denki"), new Word("物産", "ブッサン", "bussan"), new Word("システムズ", "システムズ", "systems"),
      new Word("ホールディングス", "ホールディングス", "hd"), new Word("運輸", "ウンユ", "unyu"),
      new Word("不動産", "フドウサン", "fudosan"), new Word("食品", "ショクヒン", "foods"), new Word("製作所", "セイサクショ", "seisakusho"),
      new Word("印刷", "インサツ", "insatsu"), new Word("興業", "コウギョウ", "kogyo"), new Word("技研", "ギケン", "giken"),
      new Word("産業", "サンギョウ", "sangyo"), new Word("設計", "セッケイ", "sekkei"), new Word("薬品", "ヤクヒン", "yakuhin"),
      new Word("化学", "カガク", "kagaku"), new Word("精機", "セイキ", "seiki"), new Word("サービス", "サービス", "service"),
      new Word("商会", "ショウカイ", "shokai"), new Word("企画", "キカク", "kikaku"), new Word("開発", "カイハツ", "kaihatsu"),
      new Word("ソリューションズ", "ソリューションズ", "solutions"), new Word("情報システム", "ジョウホウシステム", "is"),
      new Word("工務店", "コウムテン", "komuten"), new Word("電気工事", "デンキコウジ", "denkikoji"),
      new Word("自動車", "ジドウシャ", "auto"), new Word("物流", "ブツリュウ", "logistics"), new Word("観光", "カンコウ", "kanko"),
      new Word("介護サービス", "カイゴサービス", "kaigo"), new Word("クリニック", "クリニック", "clinic"),
      new Word("フーズ", "フーズ", "foods"), new Word("エンジニアリング", "エンジニアリング", "engineering"));

  private static final List<String> TOWNS = List.of("本町", "栄町", "中央", "緑町", "旭町", "錦町", "寿町", "幸町",
      "昭和町", "大手町", "元町", "新町", "桜木町", "住吉町", "日吉町", "若葉", "東町", "西町", "南町", "北町", "八幡町",
      "宮前", "松原", "青葉台", "富士見", "港町", "駅前", "城東", "城西", "泉町", "千代田", "常盤町", "天神", "末広町");

  private static final List<String> OFFICE_KINDS = List.of("支店", "営業所", "支店", "営業所", "工場", "事業所",
      "センター", "出張所");

  /** Repeated entries weigh the big cities, roughly as companies are spread over Japan. */
  private static final List<City> CITIES = List.of(
      new City("東京都", "千代田区", "100", "03", 100), new City("東京都", "千代田区", "101", "03", 100),
      new City("東京都", "中央区", "103", "03", 100), new City("東京都", "中央区", "104", "03", 100),
      new City("東京都", "港区", "105", "03", 104), new City("東京都", "港区", "107", "03", 104),
      new City("東京都", "新宿区", "160", "03", 111), new City("東京都", "新宿区", "169", "03", 111),
      new City("東京都", "渋谷区", "150", "03", 110), new City("東京都", "渋谷区", "151", "03", 110),
      new City("東京都", "品川区", "141", "03", 107), new City("東京都", "世田谷区", "154", "03", 109),
      new City("東京都", "大田区", "143", "03", 108), new City("東京都", "豊島区", "170", "03", 113),
      new City("東京都", "八王子市", "192", "042", 129), new City("東京都", "立川市", "190", "042", 128),
      new City("大阪府", "大阪市北区", "530", "06", 1200), new City("大阪府", "大阪市中央区", "540", "06", 1200),
      new City("大阪府", "大阪市中央区", "541", "06", 1200), new City("大阪府", "大阪市西区", "550", "06", 1201),
      new City("大阪府", "堺市堺区", "590", "072", 1204), new City("大阪府", "豊中市", "560", "06", 1206),
      new City("大阪府", "東大阪市", "577", "06", 1222),
      new City("神奈川県", "横浜市中区", "231", "045", 2000), new City("神奈川県", "横浜市西区", "220", "045", 2000),
      new City("神奈川県", "川崎市川崎区", "210", "044", 2002), new City("神奈川県", "相模原市中央区", "252", "042", 2015),
      new City("神奈川県", "藤沢市", "251", "0466", 2014),
      new City("愛知県", "名古屋市中区", "460", "052", 1800), new City("愛知県", "名古屋市中村区", "450", "052", 1800),
      new City("愛知県", "豊田市", "471", "0565", 1807), new City("愛知県", "岡崎市", "444", "0564", 1808),
      new City("北海道", "札幌市中央区", "060", "011", 4300), new City("北海道", "札幌市北区", "001", "011", 4300),
      new City("北海道", "旭川市", "070", "0166", 4500), new City("北海道", "函館市", "040", "0138", 4400),
      new City("福岡県", "福岡市博多区", "812", "092", 2900), new City("福岡県", "福岡市中央区", "810", "092", 2900),
      new City("福岡県", "北九州市小倉北区", "802", "093", 2903), new City("福岡県", "久留米市", "830", "0942", 2906),
      new City("埼玉県", "さいたま市大宮区", "330", "048", 3000), new City("埼玉県", "川口市", "332", "048", 3001),
      new City("埼玉県", "川越市", "350", "049", 3006),
      new City("千葉県", "千葉市中央区", "260", "043", 4000), new City("千葉県", "船橋市", "273", "047", 4006),
      new City("千葉県", "柏市", "277", "04", 4007),
      new City("兵庫県", "神戸市中央区", "650", "078", 1400), new City("兵庫県", "姫路市", "670", "079", 1401),
      new City("兵庫県", "西宮市", "662", "0798", 1403),
      new City("京都府", "京都市中京区", "604", "075", 1300), new City("京都府", "京都市下京区", "600", "075", 1300),
      new City("宮城県", "仙台市青葉区", "980", "022", 3700), new City("広島県", "広島市中区", "730", "082", 2400),
      new City("広島県", "福山市", "720", "084", 2402), new City("静岡県", "静岡市葵区", "420", "054", 800),
      new City("静岡県", "浜松市中央区", "430", "053", 802), new City("新潟県", "新潟市中央区", "950", "025", 1100),
      new City("沖縄県", "那覇市", "900", "098", 3600), new City("熊本県", "熊本市中央区", "860", "096", 3300),
      new City("岡山県", "岡山市北区", "700", "086", 2600), new City("長野県", "長野市", "380", "026", 1000),
      new City("茨城県", "水戸市", "310", "029", 5000), new City("茨城県", "つくば市", "305", "029", 5001),
      new City("石川県", "金沢市", "920", "076", 1600), new City("鹿児島県", "鹿児島市", "890", "099", 3400));
}
