package dev.nayose.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads real NTA rows (src/test/resources/nta, see the README there). Expected values are read off
 * the rows by hand.
 */
class NtaFileReaderTest {
  @TempDir
  Path temp;

  static Stream<Arguments> foldedCompanies() {
    return Stream.of(
        // one row
        Arguments.of("1010001072706", "東京増田医療器株式会社", "トウキョウマスダイリョウキ", "東京都", "文京区",
            "湯島２丁目６番２号", "1130034", "301", null, null, List.of()),
        // latest = 1 in two daily files: the newer file wins, with its corrected furigana
        Arguments.of("1010001097199", "株式会社ＭＣＡホールディングス", "エムシーエイホールデイングス", "東京都", "中央区",
            "銀座７丁目１０番１６号", "1040061", "301", null, null, List.of()),
        // process 21 with a close date
        Arguments.of("1010702006672", "有限会社バランス", "バランス", "東京都", "品川区", "北品川１丁目３０番３号",
            "1400001", "302", LocalDate.of(2021, 7, 7), "01", List.of()),
        // two rows with the same change date: the one with latest = 1 is current
        Arguments.of("1011002022162", "ＹＫユニット有限会社", "ワイケーユニット",
            "東京都", "渋谷区", "代々木２丁目２３番１号", "1510053", "302", null, null,
            List.of(new FormerName("有限会社本多ダイエット・リサーチ", LocalDate.of(2021, 6, 16)))),
        // three names, the history restated in a later file
        Arguments.of("1011301000777", "岩通ネットワークソリューション株式会社", "イワツウネットワークソリューション", "東京都",
            "杉並区", "久我山１丁目７番４１号", "1680082", "301", null, null,
            List.of(new FormerName("株式会社岩通Ｌ＆Ａ", LocalDate.of(2016, 7, 13)),
                new FormerName("岩通ビジネスサービス株式会社", LocalDate.of(2021, 7, 1)))),
        // restored (22) on 07-14, closed (21) again in the 07-15 file
        Arguments.of("1130002006485", "有限会社ワイエムエー", "ワイエムエー", "京都府", "京都市上京区",
            "丸太町通千本東入小山町９０６番地", "6028157", "302", LocalDate.of(2021, 7, 1), "01", List.of()),
        // three names over two files
        Arguments.of("4040002078886", "スムースセーリングＪＰ有限会社", "スムースセイリングジェイピー", "千葉県", "東金市",
            "山田８７番地３", "2830823", "302", null, null,
            List.of(new FormerName("アン・ブリーダーズケンネル有限会社", LocalDate.of(2021, 7, 2)),
                new FormerName("スムースセイリングＪＰ有限会社", LocalDate.of(2021, 8, 4)))),
        // renamed in 2021-04, renamed back in 2021-07: the name it had in between is the former one
        Arguments.of("6010901027936", "タストン・エアポート株式会社", "タストンエアポート", "東京都", "世田谷区",
            "千歳台２丁目２３番２４号", "1570071", "301", null, null,
            List.of(new FormerName("株式会社アンサンブル", LocalDate.of(2021, 7, 19)))),
        // hidden from the NTA's search (column 30 = 1), process 71 (it absorbed another body): still imported
        Arguments.of("7120005000431", "天理教東眞桜分教会", "テンリキョウヒガシマザクラブンキョウカイ", "大阪府", "大阪市中央区",
            "（大阪市東区上町一丁目３番１４号）", "5390000", "399", null, null, List.of()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("foldedCompanies")
  void foldsTheHistoryOfEachNumber(String number, String name, String kana, String prefecture, String city,
      String street, String postalCode, String kind, LocalDate closedOn, String closeCause,
      List<FormerName> formerNames) throws IOException {
    Company company = byNumber(NtaFileReader.read(fixture("nta-history-utf8.csv"))).get(number);

    assertThat(company).isNotNull();
    assertThat(company.companyId()).isEqualTo(number);
    assertThat(company.corporateNumber()).isEqualTo(number);
    assertThat(company.name()).isEqualTo(name);
    assertThat(company.nameKana()).isEqualTo(kana);
    assertThat(company.prefecture()).isEqualTo(prefecture);
    assertThat(company.city()).isEqualTo(city);
    assertThat(company.street()).isEqualTo(street);
    assertThat(company.postalCode()).isEqualTo(postalCode);
    assertThat(company.kind()).isEqualTo(kind);
    assertThat(company.closedOn()).isEqualTo(closedOn);
    assertThat(company.closeCause()).isEqualTo(closeCause);
    assertThat(company.phone()).isNull();
    assertThat(company.website()).isNull();
    assertThat(company.formerNames()).containsExactlyElementsOf(formerNames);
  }

  @Test
  void countsRowsNumbersAndHistoriesAndDropsDeletedNumbers() throws IOException {
    NtaReadResult result = NtaFileReader.read(fixture("nta-history-utf8.csv"));
    NtaReadSummary summary = result.summary();

    assertThat(summary.rowsRead()).isEqualTo(27);
    assertThat(summary.distinctNumbers()).isEqualTo(10);
    // 1010001097199, 1011002022162, 1011301000777, 1130002006485, 4040002078886, 6010901027936, 7120005000431
    assertThat(summary.numbersWithHistory()).isEqualTo(7);
    assertThat(summary.companies()).isEqualTo(9);
    assertThat(summary.deletedCorporateNumbers()).containsExactly("1700150032837");
    assertThat(summary.rejected()).isEmpty();
    // in the order the numbers first appear
    assertThat(result.companies()).extracting(Company::companyId).containsExactly("1010001072706", "1010001097199",
        "1010702006672", "1011002022162", "1011301000777", "1130002006485", "4040002078886", "6010901027936",
        "7120005000431");
  }

  enum Packing { PLAIN, GZIP, ZIP }

  @ParameterizedTest
  @EnumSource(Packing.class)
  void readsPlainGzipAndZipAlike(Packing packing) throws IOException {
    Path file = pack(fixture("nta-history-utf8.csv"), packing);

    NtaReadResult result = NtaFileReader.read(file);

    assertThat(result).isEqualTo(NtaFileReader.read(fixture("nta-history-utf8.csv")));
  }

  @ParameterizedTest
  @EnumSource(Packing.class)
  void readsTheShiftJisDailyFile(Packing packing) throws IOException {
    List<long[]> progress = new ArrayList<>();
    NtaReadResult result = NtaFileReader.read(pack(fixture("nta-20260821-sjis.csv"), packing),
        (done, total) -> progress.add(new long[] {done, total}));
    NtaReadSummary summary = result.summary();

    // counted independently of this code (Python csv module over the CP932 file)
    assertThat(summary.rowsRead()).isEqualTo(2181);
    assertThat(summary.distinctNumbers()).isEqualTo(1943);
    assertThat(summary.numbersWithHistory()).isEqualTo(169);
    assertThat(summary.companies()).isEqualTo(1943);
    assertThat(summary.rejected()).isEmpty();
    assertThat(result.companies().stream().mapToInt(c -> c.formerNames().size()).sum()).isEqualTo(56);
    assertThat(result.companies().stream().filter(Company::closed).count()).isEqualTo(268);

    Map<String, Company> companies = byNumber(result);
    assertThat(companies.get("1010001049571")).isEqualTo(new Company("1010001049571", "1010001049571", "泰平観光株式会社",
        "タイヘイカンコウ", "千葉県", "長生郡一宮町", "新地２４３４番地１－１０２", "2994314", null, null, "301", null, null,
        List.of()));
    // four names in one file, the newest row (latest = 1) is current
    Company umios = companies.get("1010001057921");
    assertThat(umios.name()).isEqualTo("Ｕｍｉｏｓテック株式会社");
    assertThat(umios.street()).isEqualTo("豊海町４番５号");
    assertThat(umios.formerNames()).containsExactly(
        new FormerName("株式会社ＣＡＣマルハニチロシステムズ", LocalDate.of(2023, 4, 3)),
        new FormerName("マルハニチロソリューションズ株式会社", LocalDate.of(2026, 3, 2)));
    Company closed = companies.get("1010003037509");
    assertThat(closed.closedOn()).isEqualTo(LocalDate.of(2026, 7, 22));
    assertThat(closed.closeCause()).isEqualTo("01");

    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1)).containsExactly(2181, 2181);
  }

  @Test
  void rejectsRowsItCannotReadAndGoesOn() throws IOException {
    NtaReadResult result = NtaFileReader.read(fixture("nta-edited.csv"));

    assertThat(result.summary().rejected()).containsExactly(
        new RejectedRow(2, null, RejectReason.WRONG_COLUMN_COUNT, "expected 30 columns, found 29"),
        new RejectedRow(3, "corporate number (2)", RejectReason.CHECK_DIGIT_INVALID,
            "2010001187891: the check digit does not hold"),
        new RejectedRow(4, "corporate number (2)", RejectReason.MALFORMED_CORPORATE_NUMBER,
            "'101000118789' is not 13 digits"),
        new RejectedRow(5, "update date (5)", RejectReason.MALFORMED_VALUE, "'2021-13-45' is not a date (yyyy-mm-dd)"),
        new RejectedRow(6, "name (7)", RejectReason.MISSING_VALUE, "no name"),
        new RejectedRow(7, "postcode (16)", RejectReason.MALFORMED_VALUE, "'113-0034' is not 7 digits"));
    assertThat(result.summary().rowsRead()).isEqualTo(9);
    assertThat(result.companies()).extracting(Company::companyId).containsExactly("1010001144728", "1011002022162");
  }

  @Test
  void withoutALatestRowTheNewestUpdateWins() throws IOException {
    // both rows edited to latest = 0; the older sequence number has the newer update date
    Company company = byNumber(NtaFileReader.read(fixture("nta-edited.csv"))).get("1011002022162");

    assertThat(company.name()).isEqualTo("有限会社本多ダイエット・リサーチ");
    assertThat(company.formerNames()).containsExactly(new FormerName("ＹＫユニット有限会社", LocalDate.of(2021, 6, 16)));
  }

  @Test
  void handsCompaniesOnWithTheLineOfTheirCurrentRow() throws IOException {
    Map<String, Long> lines = new LinkedHashMap<>();
    NtaFileReader.read(fixture("nta-history-utf8.csv"), ProgressListener.NONE,
        (line, company) -> lines.put(company.companyId(), line));

    assertThat(lines).containsEntry("1010001072706", 1L).containsEntry("1010001097199", 16L)
        .containsEntry("6010901027936", 25L).doesNotContainKey("1700150032837");
  }

  @Test
  void anEmptyZipIsAFileError() throws IOException {
    Path zip = temp.resolve("empty.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("dir/"));
      out.closeEntry();
    }
    assertThatThrownBy(() -> NtaFileReader.read(zip)).isInstanceOf(MasterFileException.class)
        .hasMessageContaining("empty.zip");
  }

  private Path pack(Path file, Packing packing) throws IOException {
    return switch (packing) {
      case PLAIN -> file;
      case GZIP -> Fixtures.gzip(file, temp);
      case ZIP -> Fixtures.zip(file, temp);
    };
  }

  static Path fixture(String name) {
    return Fixtures.path("nta/" + name);
  }

  private static Map<String, Company> byNumber(NtaReadResult result) {
    return result.companies().stream().collect(Collectors.toMap(Company::companyId, Function.identity()));
  }
}
