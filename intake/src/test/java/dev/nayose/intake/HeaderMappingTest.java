package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderMappingTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      posting_id          | POSTING_ID
      Posting ID          | POSTING_ID
      POSTING-ID          | POSTING_ID
      ｐｏｓｔｉｎｇ＿ｉｄ    | POSTING_ID
      '  posting_id  '    | POSTING_ID
      求人ID              | POSTING_ID
      求人ＩＤ            | POSTING_ID
      求人番号            | POSTING_ID
      案件ID              | POSTING_ID
      原稿ID              | POSTING_ID
      company_name        | COMPANY_NAME
      Company Name        | COMPANY_NAME
      会社名              | COMPANY_NAME
      '　会社名　'         | COMPANY_NAME
      企業名              | COMPANY_NAME
      社名                | COMPANY_NAME
      法人名              | COMPANY_NAME
      事業所名            | COMPANY_NAME
      company_name_kana   | COMPANY_NAME_KANA
      会社名カナ          | COMPANY_NAME_KANA
      企業名カナ          | COMPANY_NAME_KANA
      会社名(カナ)        | COMPANY_NAME_KANA
      会社名（カナ）      | COMPANY_NAME_KANA
      フリガナ            | COMPANY_NAME_KANA
      corporate_number    | CORPORATE_NUMBER
      法人番号            | CORPORATE_NUMBER
      postal_code         | POSTAL_CODE
      郵便番号            | POSTAL_CODE
      〒                  | POSTAL_CODE
      address             | ADDRESS
      住所                | ADDRESS
      所在地              | ADDRESS
      本社所在地          | ADDRESS
      会社住所            | ADDRESS
      phone               | PHONE
      電話番号            | PHONE
      TEL                 | PHONE
      ＴＥＬ              | PHONE
      tel                 | PHONE
      電話                | PHONE
      website             | WEBSITE
      ホームページ        | WEBSITE
      HP                  | WEBSITE
      URL(企業)           | WEBSITE
      URL（企業）         | WEBSITE
      企業URL             | WEBSITE
      ウェブサイト        | WEBSITE
      会社HP              | WEBSITE
      job_title           | JOB_TITLE
      職種                | JOB_TITLE
      求人タイトル        | JOB_TITLE
      職種名              | JOB_TITLE
      employment_type     | EMPLOYMENT_TYPE
      雇用形態            | EMPLOYMENT_TYPE
      salary_min          | SALARY_MIN
      給与下限            | SALARY_MIN
      最低給与            | SALARY_MIN
      給与(下限)          | SALARY_MIN
      給与（下限）        | SALARY_MIN
      salary_max          | SALARY_MAX
      給与上限            | SALARY_MAX
      最高給与            | SALARY_MAX
      給与(上限)          | SALARY_MAX
      work_location       | WORK_LOCATION
      勤務地              | WORK_LOCATION
      description         | DESCRIPTION
      仕事内容            | DESCRIPTION
      説明                | DESCRIPTION
      詳細                | DESCRIPTION
      posted_at           | POSTED_AT
      掲載日              | POSTED_AT
      掲載開始日          | POSTED_AT
      公開日              | POSTED_AT
      url                 | URL
      URL                 | URL
      求人URL             | URL
      掲載URL             | URL
      """)
  void aHeaderTextNamesItsColumn(String header, CanonicalColumn expected) {
    assertThat(CanonicalColumn.forHeader(header)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"備考", "memo", "company", "給与", "posting", "会社", "", "URL企業"})
  void otherTextsNameNoColumn(String header) {
    assertThat(CanonicalColumn.forHeader(header)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(CanonicalColumn.class)
  void everyColumnIsNamedByItsCanonicalNameAndEachAlias(CanonicalColumn column) {
    assertThat(column.headerNames()).first().isEqualTo(column.canonicalName());
    assertThat(column.headerNames()).allSatisfy(name -> assertThat(CanonicalColumn.forHeader(name)).contains(column));
  }

  @Test
  void columnsAreFoundInAnyOrderAndUnknownOnesAreListed() throws UnreadableFileException {
    HeaderMapping mapping = HeaderMapping.of(List.of("備考", "会社名", "給与下限", "求人ID", "", "memo"));

    assertThat(mapping.fieldCount()).isEqualTo(6);
    assertThat(mapping.columns()).containsExactly(CanonicalColumn.POSTING_ID, CanonicalColumn.COMPANY_NAME,
        CanonicalColumn.SALARY_MIN);
    assertThat(mapping.position(CanonicalColumn.POSTING_ID)).contains(3);
    assertThat(mapping.position(CanonicalColumn.COMPANY_NAME)).contains(1);
    assertThat(mapping.position(CanonicalColumn.SALARY_MIN)).contains(2);
    assertThat(mapping.position(CanonicalColumn.URL)).isEmpty();
    assertThat(mapping.written(CanonicalColumn.SALARY_MIN)).isEqualTo("給与下限");
    assertThat(mapping.written(CanonicalColumn.URL)).isEqualTo("url");
    assertThat(mapping.unknownColumns()).containsExactly("備考", "", "memo");
  }

  static Stream<Arguments> unusableHeaders() {
    return Stream.of(
        Arguments.of("a data row instead of a header", List.of("P-1", "株式会社テスト", "350000"),
            "the first row is not a header: none of its 3 column(s) is a known column name"),
        Arguments.of("tab-separated", List.of("posting_id\tcompany_name\taddress"),
            "none of its 1 column(s) is a known column name; the file must start with a header row naming at least "
                + "posting_id (or 求人ID) and company_name (or 会社名). Its first row is tab-separated (3 names between "
                + "tabs), but nayose reads comma-separated values: save the file as CSV (comma-delimited) and upload that"),
        Arguments.of("semicolon-separated", List.of("求人ID;会社名"),
            "Its first row is semicolon-separated (2 names between semicolons)"),
        Arguments.of("no company_name", List.of("求人ID", "住所"),
            "the header has no company_name column (accepted names: company_name, 会社名, 企業名, 社名, 法人名, 事業所名)"),
        Arguments.of("no posting_id", List.of("会社名"),
            "the header has no posting_id column (accepted names: posting_id, 求人ID, 求人番号, 案件ID, 原稿ID)"),
        Arguments.of("neither required column", List.of("住所", "電話"),
            "the header has no posting_id column (accepted names: posting_id, 求人ID, 求人番号, 案件ID, 原稿ID) and no "
                + "company_name column"),
        Arguments.of("two names of one column", List.of("求人ID", "会社名", "住所", "企業名"),
            "header columns 2 (会社名) and 4 (企業名) both name company_name; keep one of them"),
        Arguments.of("one name twice", List.of("posting_id", "company_name", "Posting ID"),
            "header columns 1 (posting_id) and 3 (Posting ID) both name posting_id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableHeaders")
  void anUnusableHeaderMakesTheFileUnreadable(String description, List<String> header, String reason) {
    assertThatThrownBy(() -> HeaderMapping.of(header))
        .isInstanceOf(UnreadableFileException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void keysIgnoreWidthCaseSpacesUnderscoresAndHyphens() {
    assertThat(Arrays.asList(CanonicalColumn.headerKey("Ｓａｌａｒｙ－Ｍｉｎ"), CanonicalColumn.headerKey(" salary_min "),
        CanonicalColumn.headerKey("SALARY MIN"))).containsOnly("salarymin");
  }
}
