package dev.nayose.master;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.TextEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Companies are real NTA companies (see src/test/resources/nta/README.md); phones and sites made up. */
class CompaniesCsvReaderTest {
  private static final String HEADER = "company_id,corporate_number,name,name_kana,prefecture,city,street,postal_code,phone,website\n";

  @TempDir
  Path temp;

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("every column",
            "C1,1010001072706,東京増田医療器株式会社,トウキョウマスダイリョウキ,東京都,文京区,湯島２丁目６番２号,1130034,03-3811-0000,https://masuda.example.jp",
            company("C1", "1010001072706", "東京増田医療器株式会社", "トウキョウマスダイリョウキ", "東京都", "文京区", "湯島２丁目６番２号",
                "1130034", "03-3811-0000", "https://masuda.example.jp"), null, null),
        Arguments.of("only the required values",
            "C2,,泰平観光株式会社,,,,,,,",
            company("C2", null, "泰平観光株式会社", null, null, null, null, null, null, null), null, null),
        Arguments.of("values are stripped, full-width space included",
            " C3 , 1010001049571 ,\u3000泰平観光株式会社\u3000,,千葉県,長生郡一宮町,新地２４３４番地１－１０２, 2994314 ,,",
            company("C3", "1010001049571", "泰平観光株式会社", null, "千葉県", "長生郡一宮町", "新地２４３４番地１－１０２", "2994314",
                null, null), null, null),
        Arguments.of("corporate number and postal code as spreadsheets write them",
            "C4,１０１０００１－０４９５７１,泰平観光株式会社,,,,,〒299-4314,,",
            company("C4", "1010001049571", "泰平観光株式会社", null, null, null, null, "2994314", null, null), null, null),
        Arguments.of("quotes, commas and a line break inside a value",
            "C5,,\"株式会社\"\"ＡＢＣ\"\", 本社\",,,,\"一丁目\n二番\",,,",
            company("C5", null, "株式会社\"ＡＢＣ\", 本社", null, null, null, "一丁目\n二番", null, null, null), null, null),
        Arguments.of("no company_id", ",1010001072706,東京増田医療器株式会社,,,,,,,", null, "company_id",
            RejectReason.MISSING_VALUE),
        Arguments.of("no name", "C6,1010001072706,  ,,,,,,,", null, "name", RejectReason.MISSING_VALUE),
        Arguments.of("check digit fails", "C7,2010001072706,東京増田医療器株式会社,,,,,,,", null, "corporate_number",
            RejectReason.CHECK_DIGIT_INVALID),
        Arguments.of("corporate number too short", "C8,101000107270,東京増田医療器株式会社,,,,,,,", null,
            "corporate_number", RejectReason.MALFORMED_CORPORATE_NUMBER),
        Arguments.of("postal code of 6 digits", "C9,,東京増田医療器株式会社,,,,,113003,,", null, "postal_code",
            RejectReason.MALFORMED_VALUE),
        Arguments.of("a column short", "C10,,東京増田医療器株式会社,,,,,,", null, null, RejectReason.WRONG_COLUMN_COUNT),
        Arguments.of("a column too many", "C11,,東京増田医療器株式会社,,,,,,,,", null, null, RejectReason.WRONG_COLUMN_COUNT),
        Arguments.of("NUL in a value", "C12,,東京増田\u0000医療器株式会社,,,,,,,", null, "name", RejectReason.MALFORMED_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void readsOrRejectsARow(String why, String row, Company expected, String column, RejectReason reason)
      throws IOException {
    Path file = Fixtures.write(temp, "companies.csv", HEADER + row + "\n", UTF_8, false);
    List<Company> read = new ArrayList<>();

    CsvReadSummary summary = CompaniesCsvReader.read(file, (line, company) -> read.add(company));

    assertThat(summary.rowsRead()).isEqualTo(1);
    if (expected != null) {
      assertThat(read).containsExactly(expected);
      assertThat(summary.rejected()).isEmpty();
    } else {
      assertThat(read).isEmpty();
      assertThat(summary.rejected()).singleElement().satisfies(rejected -> {
        assertThat(rejected.lineNumber()).isEqualTo(2);
        assertThat(rejected.column()).isEqualTo(column);
        assertThat(rejected.reason()).isEqualTo(reason);
      });
    }
  }

  @Test
  void columnsInAnyOrderAndUnknownOnesIgnored() throws IOException {
    Path file = Fixtures.write(temp, "companies.csv",
        "memo,Name,COMPANY_ID,postal_code\n"
            + "from the NTA,東京増田医療器株式会社,C1,113-0034\n", UTF_8, false);
    List<Company> read = new ArrayList<>();

    CompaniesCsvReader.read(file, (line, company) -> read.add(company));

    assertThat(read).containsExactly(company("C1", null, "東京増田医療器株式会社", null, null, null, null, "1130034", null, null));
  }

  @Test
  void aMissingRequiredColumnNamesTheFileAndTheColumn() {
    Path file = Fixtures.write(temp, "my-companies.csv", "company_id,corporate_number\nC1,1010001072706\n", UTF_8, false);

    assertThatThrownBy(() -> CompaniesCsvReader.read(file, (line, company) -> {}))
        .isInstanceOf(MasterFileException.class)
        .hasMessageContaining("my-companies.csv")
        .hasMessageContaining("'name'");
  }

  @Test
  void anEmptyFileHasNoHeader() {
    Path file = Fixtures.write(temp, "companies.csv", "", UTF_8, false);

    assertThatThrownBy(() -> CompaniesCsvReader.read(file, (line, company) -> {}))
        .isInstanceOf(MasterFileException.class)
        .hasMessageContaining("header");
  }

  @Test
  void aRepeatedKnownColumnIsAFileError() {
    Path file = Fixtures.write(temp, "companies.csv", "company_id,name,name\nC1,a,b\n", UTF_8, false);

    assertThatThrownBy(() -> CompaniesCsvReader.read(file, (line, company) -> {}))
        .isInstanceOf(MasterFileException.class)
        .hasMessageContaining("'name' appears twice");
  }

  /** The same file in every form a partner may send it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void readsShiftJisUtf8WithBomAndGzip(String form, TextEncoding encoding, boolean bom, boolean gzip)
      throws IOException {
    String text = HEADER
        + "C1,1010001072706,東京増田医療器株式会社,トウキョウマスダイリョウキ,東京都,文京区,湯島２丁目６番２号,1130034,,\n"
        + "\n"
        + "C2,,㈱ＮＥＣ①ハイテク,,,,,,,\n"
        + "C3,1010001072706,,,,,,,,\n";
    Path file = Fixtures.write(temp, "companies.csv", text, encoding.charset(), bom);
    if (gzip) {
      file = Fixtures.gzip(file, temp);
    }
    List<String> read = new ArrayList<>();

    CsvReadSummary summary = CompaniesCsvReader.read(file, (line, company) -> read.add(line + " " + company.name()));

    // the empty line is not a row, but it counts for line numbers
    assertThat(read).containsExactly("2 東京増田医療器株式会社", "4 ㈱ＮＥＣ①ハイテク");
    assertThat(summary.rejected()).containsExactly(new RejectedRow(5, "name", RejectReason.MISSING_VALUE, "name is empty"));
    assertThat(summary.rowsRead()).isEqualTo(3);
  }

  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("UTF-8", TextEncoding.UTF_8, false, false),
        Arguments.of("UTF-8 with BOM", TextEncoding.UTF_8, true, false),
        Arguments.of("Shift_JIS (CP932: ㈱ and ①)", TextEncoding.SHIFT_JIS, false, false),
        Arguments.of("Shift_JIS, gzip", TextEncoding.SHIFT_JIS, false, true));
  }

  @Test
  void reportsProgressEndingAtTheRowCount() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 20_000; i++) {
      text.append("C").append(i).append(",,株式会社テスト,,,,,,,\n");
    }
    Path file = Fixtures.write(temp, "companies.csv", text.toString(), UTF_8, false);
    List<long[]> progress = new ArrayList<>();

    CompaniesCsvReader.read(file, (done, total) -> progress.add(new long[] {done, total}), (line, company) -> {});

    assertThat(progress).hasSizeGreaterThan(1);
    assertThat(progress).allSatisfy(p -> assertThat(p[1]).isGreaterThanOrEqualTo(p[0]));
    assertThat(progress.get(progress.size() - 1)).containsExactly(20_000, 20_000);
  }

  static Company company(String id, String number, String name, String kana, String prefecture, String city,
      String street, String postalCode, String phone, String website) {
    return new Company(id, number, name, kana, prefecture, city, street, postalCode, phone, website, null, null, null,
        List.of());
  }
}
