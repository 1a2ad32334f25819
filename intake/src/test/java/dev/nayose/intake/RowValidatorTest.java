package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.JobPosting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RowValidatorTest {
  /** A partner's header: Japanese names, in their order, with one column nayose ignores. */
  private static final List<String> HEADER = List.of("求人ID", "会社名", "会社名カナ", "法人番号", "郵便番号", "所在地",
      "電話番号", "HP", "職種", "雇用形態", "給与下限", "給与上限", "勤務地", "仕事内容", "掲載日", "求人URL", "備考");
  private static final Map<String, String> GOOD = Map.ofEntries(
      Map.entry("求人ID", "J-1"), Map.entry("会社名", "株式会社テスト"), Map.entry("会社名カナ", "テスト"),
      Map.entry("法人番号", "1010001097199"), Map.entry("郵便番号", "104-0061"),
      Map.entry("所在地", "東京都中央区銀座７丁目１０番１６号"), Map.entry("電話番号", "03-1234-5678"),
      Map.entry("HP", "https://example.co.jp/"), Map.entry("職種", "経理"), Map.entry("雇用形態", "正社員"),
      Map.entry("給与下限", "3500000"), Map.entry("給与上限", "5000000"), Map.entry("勤務地", "東京都"),
      Map.entry("仕事内容", "決算業務"), Map.entry("掲載日", "2026-11-20"), Map.entry("求人URL", "https://jobs.example/J-1"),
      Map.entry("備考", "社内メモ"));

  private final RowValidator validator = validator(HEADER);

  private static RowValidator validator(List<String> header) {
    try {
      return new RowValidator(HeaderMapping.of(header), "UTF-8");
    } catch (UnreadableFileException e) {
      throw new AssertionError(e);
    }
  }

  /** The good row with one field replaced. */
  private static List<String> row(String column, String value) {
    List<String> fields = new ArrayList<>();
    for (String h : HEADER) {
      fields.add(h.equals(column) ? value : GOOD.get(h));
    }
    return fields;
  }

  @Test
  void aGoodRowBecomesAPostingOfEveryColumn() {
    RowOutcome outcome = validator.validate(2, row("", ""));

    assertThat(outcome).isEqualTo(new RowOutcome.Accepted(new JobPosting(2, "J-1", "株式会社テスト", "テスト",
        "1010001097199", "104-0061", "東京都中央区銀座７丁目１０番１６号", "03-1234-5678", "https://example.co.jp/", "経理",
        "正社員", 3_500_000L, 5_000_000L, "東京都", "決算業務", LocalDate.of(2026, 11, 20), "https://jobs.example/J-1"),
        List.of()));
  }

  @ParameterizedTest(name = "給与下限 [{0}] -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      350000        | 350000
      350,000       | 350000
      3,500,000     | 3500000
      ３５０，０００  | 350000
      350000円      | 350000
      350,000 円    | 350000
      ¥350,000      | 350000
      ￥３５０，０００ | 350000
      '\\350000'    | 350000
      '  350000  '  | 350000
      0             | 0
      """)
  void amountsAreReadInTheirUsualForms(String text, long expected) {
    var outcome = (RowOutcome.Accepted) validator.validate(2, row("給与下限", text));

    assertThat(outcome.posting().salaryMin()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "掲載日 [{0}] -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      2026-11-05    | 2026-11-05
      2026/11/05    | 2026-11-05
      2026/11/5     | 2026-11-05
      2026/1/5      | 2026-01-05
      2026年11月5日  | 2026-11-05
      ２０２６年１１月５日 | 2026-11-05
      ２０２６／１１／０５ | 2026-11-05
      2024/2/29     | 2024-02-29
      """)
  void datesAreReadInTheirUsualForms(String text, LocalDate expected) {
    var outcome = (RowOutcome.Accepted) validator.validate(2, row("掲載日", text));

    assertThat(outcome.posting().postedAt()).isEqualTo(expected);
  }

  @Test
  void valuesAreTrimmedAndEmptyOnesBecomeNull() {
    List<String> fields = row("会社名", "　株式会社テスト ");
    for (String optional : List.of("会社名カナ", "法人番号", "郵便番号", "所在地", "電話番号", "HP", "職種", "雇用形態",
        "給与下限", "給与上限", "勤務地", "仕事内容", "掲載日", "求人URL")) {
      fields.set(HEADER.indexOf(optional), optional.equals("所在地") ? " \t " : "");
    }

    var outcome = (RowOutcome.Accepted) validator.validate(7, fields);

    assertThat(outcome.posting()).isEqualTo(new JobPosting(7, "J-1", "株式会社テスト", null, null, null, null, null, null,
        null, null, null, null, null, null, null, null));
  }

  @Test
  void anIgnoredColumnIsNotChecked() {
    var outcome = validator.validate(2, row("備考", "\uFFFD" + "x".repeat(50_000)));

    assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
  }

  static Stream<Arguments> rejections() {
    String longId = "P".repeat(JobPosting.MAX_POSTING_ID_LENGTH + 1);
    String remedy = ": an id must arrive exactly as your system stores it; correct it and send the row again";
    return Stream.of(
        Arguments.of(row("", "").subList(0, 16), RejectionCode.WRONG_FIELD_COUNT, null,
            "the row has 16 field(s), the header has 17"),
        Arguments.of(append(row("", ""), ""), RejectionCode.WRONG_FIELD_COUNT, null,
            "the row has 18 field(s), the header has 17"),
        Arguments.of(row("求人ID", ""), RejectionCode.MISSING_VALUE, "posting_id", "求人ID (posting_id) is empty"),
        Arguments.of(row("求人ID", "　 "), RejectionCode.MISSING_VALUE, "posting_id", "求人ID (posting_id) is empty"),
        Arguments.of(row("会社名", ""), RejectionCode.MISSING_VALUE, "company_name", "会社名 (company_name) is empty"),
        Arguments.of(row("会社名", "\u0000\u0007 "), RejectionCode.MISSING_VALUE, "company_name",
            "会社名 (company_name) is empty once the characters that cannot be kept are removed"),
        Arguments.of(row("求人ID", longId), RejectionCode.TOO_LONG, "posting_id",
            "求人ID (posting_id) is 201 characters long, at most 200 are allowed"),
        Arguments.of(row("会社名", "株".repeat(1_001)), RejectionCode.TOO_LONG, "company_name",
            "会社名 (company_name) is 1001 characters long, at most 1000 are allowed"),
        Arguments.of(row("求人ID", "J-\u00001"), RejectionCode.INVALID_CHARACTER, "posting_id",
            "求人ID (posting_id) \"J-<U+0000>1\" contains a control character (U+0000)" + remedy),
        Arguments.of(row("求人ID", "J-1\u001B"), RejectionCode.INVALID_CHARACTER, "posting_id",
            "\"J-1<U+001B>\" contains a control character (U+001B)"),
        Arguments.of(row("求人ID", "J-\u0085\u0090\u00851"), RejectionCode.INVALID_CHARACTER, "posting_id",
            "\"J-<U+0085><U+0090><U+0085>1\" contains control characters (U+0085, U+0090)"),
        Arguments.of(row("求人ID", "J-1\uFFFE\uFFFF\u0001"), RejectionCode.INVALID_CHARACTER, "posting_id",
            "contains a control character (U+0001) and noncharacters (U+FFFE, U+FFFF)"),
        Arguments.of(row("求人ID", "J-\uD800"), RejectionCode.UNDECODABLE, "posting_id",
            "求人ID (posting_id) \"J-<U+D800>\" contains bytes that are not valid UTF-8" + remedy),
        Arguments.of(row("求人ID", "J-\uFFFD"), RejectionCode.UNDECODABLE, "posting_id",
            "\"J-\uFFFD\" contains bytes that are not valid UTF-8"));
  }

  @ParameterizedTest(name = "{1} {2}: {3}")
  @MethodSource("rejections")
  void aRowThatCannotBeReadOrIdentifiedIsRejectedWithItsColumnAndReason(List<String> fields, RejectionCode code,
      String column, String reason) {
    RowOutcome outcome = validator.validate(5, fields);

    assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Rejected.class, rejected -> {
      assertThat(rejected.rejection().rowNumber()).isEqualTo(5);
      assertThat(rejected.rejection().code()).isEqualTo(code);
      assertThat(rejected.rejection().column()).isEqualTo(column);
      assertThat(rejected.rejection().reason()).contains(reason);
    });
  }

  /** A field that does not parse: the column, the value, the warning, the reason and what the posting keeps. */
  static Stream<Arguments> softFaults() {
    String loaded = "; the posting is loaded without it";
    return Stream.of(
        Arguments.of("給与下限", "応相談", WarningCode.INVALID_AMOUNT,
            "給与下限 (salary_min) \"応相談\" is not a whole number of yen (write e.g. 350000, 350,000 or 350000円)" + loaded,
            null),
        Arguments.of("給与上限", "-1", WarningCode.INVALID_AMOUNT, "給与上限 (salary_max) \"-1\" is not a whole number of yen",
            null),
        Arguments.of("給与下限", "35万円", WarningCode.INVALID_AMOUNT, "\"35万円\" is not a whole number", null),
        Arguments.of("給与下限", "3.5", WarningCode.INVALID_AMOUNT, "\"3.5\" is not a whole number", null),
        Arguments.of("給与下限", "35,00", WarningCode.INVALID_AMOUNT, "\"35,00\" is not a whole number", null),
        Arguments.of("給与下限", "300000〜400000", WarningCode.INVALID_AMOUNT, "is not a whole number", null),
        Arguments.of("給与上限", "99999999999999999999", WarningCode.INVALID_AMOUNT,
            "\"99999999999999999999\" is too large an amount" + loaded, null),
        Arguments.of("掲載日", "2026/13/45", WarningCode.INVALID_DATE,
            "掲載日 (posted_at) \"2026/13/45\" is not a calendar date" + loaded, null),
        Arguments.of("掲載日", "2026-02-30", WarningCode.INVALID_DATE, "is not a calendar date", null),
        Arguments.of("掲載日", "11/05/2026", WarningCode.INVALID_DATE,
            "掲載日 (posted_at) \"11/05/2026\" is not a date (write e.g. 2026-11-05, 2026/11/5 or 2026年11月5日)", null),
        Arguments.of("掲載日", "2026/11-05", WarningCode.INVALID_DATE, "is not a date", null),
        Arguments.of("掲載日", "2026/11/05 10:00", WarningCode.INVALID_DATE, "is not a date", null),
        Arguments.of("掲載日", "昨日\n" + "あ".repeat(60), WarningCode.INVALID_DATE,
            "\"昨日 " + "あ".repeat(37) + "…\" is not a date", null),
        Arguments.of("郵便番号", "104-006", WarningCode.INVALID_POSTAL_CODE,
            "郵便番号 (postal_code) \"104-006\" is not a postal code (write e.g. 100-0005 or 1000005)" + loaded, null),
        Arguments.of("郵便番号", "東京都中央区", WarningCode.INVALID_POSTAL_CODE, "is not a postal code", null),
        Arguments.of("電話番号", "03-1234-567", WarningCode.INVALID_PHONE,
            "電話番号 (phone) \"03-1234-567\" is not one telephone number", null),
        Arguments.of("電話番号", "+1 212 555 0100", WarningCode.INVALID_PHONE, "is not a telephone number in Japan",
            null),
        Arguments.of("電話番号", "03-1234-5678 内線12", WarningCode.INVALID_PHONE, "no extension", null),
        Arguments.of("HP", "なし", WarningCode.INVALID_URL,
            "HP (website) \"なし\" is not a web address (write e.g. https://example.co.jp/)" + loaded, null),
        Arguments.of("HP", "ftp://example.co.jp", WarningCode.INVALID_URL, "is not a web address", null),
        Arguments.of("求人URL", "https://jobs example.jp/1", WarningCode.INVALID_URL, "求人URL (url)", null),
        Arguments.of("法人番号", "101000109719", WarningCode.INVALID_CORPORATE_NUMBER,
            "法人番号 (corporate_number) \"101000109719\" is not a corporate number (13 digits, e.g. 1010001097199)"
                + loaded, null),
        Arguments.of("法人番号", "2010001097199", WarningCode.CORPORATE_NUMBER_CHECK_DIGIT,
            "法人番号 (corporate_number) \"2010001097199\" has a wrong check digit (its first digit): it is kept",
            "2010001097199"),
        Arguments.of("雇用形態", "応相談", WarningCode.UNKNOWN_EMPLOYMENT_TYPE,
            "雇用形態 (employment_type) \"応相談\" is not an employment type", null),
        Arguments.of("仕事内容", "あ".repeat(20_001), WarningCode.TOO_LONG,
            "仕事内容 (description) is 20001 characters long, at most 20000 are allowed" + loaded, null),
        Arguments.of("勤務地", "都".repeat(1_001), WarningCode.TOO_LONG, "勤務地 (work_location) is 1001 characters", null));
  }

  @ParameterizedTest(name = "{0} [{1}] -> {2}")
  @MethodSource("softFaults")
  void aFieldThatDoesNotParseIsAWarningAndThePostingIsLoaded(String header, String value, WarningCode code,
      String reason, String kept) {
    var outcome = (RowOutcome.Accepted) validator.validate(5, row(header, value));

    CanonicalColumn column = CanonicalColumn.forHeader(header).orElseThrow();
    assertThat(outcome.warnings()).singleElement().satisfies(w -> {
      assertThat(w.rowNumber()).isEqualTo(5);
      assertThat(w.column()).isEqualTo(column.canonicalName());
      assertThat(w.code()).isEqualTo(code);
      assertThat(w.value()).isEqualTo(value.length() > UploadWarning.MAX_VALUE_LENGTH
          ? value.substring(0, UploadWarning.MAX_VALUE_LENGTH - 1) + "…" : value);
      assertThat(w.reason()).contains(reason);
    });
    assertThat(field(outcome.posting(), column)).isEqualTo(kept);
    assertThat(outcome.posting().postingId()).isEqualTo("J-1");
  }

  @ParameterizedTest(name = "{0} [{1}] is read")
  @CsvSource(delimiter = '|', textBlock = """
      郵便番号 | 〒104-0061
      郵便番号 | １０４００６１
      郵便番号 | 104 0061
      郵便番号 | 104ー0061
      電話番号 | (03)1234-5678
      電話番号 | +81-3-1234-5678
      電話番号 | +81 (0)3 1234 5678
      電話番号 | TEL.090-1234-5678
      電話番号 | ０１２０－１２３－４５６
      HP      | www.example.co.jp
      HP      | example.co.jp/recruit?x=1
      HP      | info@example.co.jp
      HP      | HTTPS://EXAMPLE.CO.JP:8443/
      法人番号 | T1010001097199
      法人番号 | 1010-001-097199
      法人番号 | １０１０００１０９７１９９
      雇用形態 | 契約社員
      雇用形態 | パート・アルバイト
      雇用形態 | 業務委託
      雇用形態 | 紹介予定派遣
      雇用形態 | Full-time
      """)
  void theUsualFormsOfTypedColumnsAreKeptAsWritten(String header, String value) {
    var outcome = (RowOutcome.Accepted) validator.validate(2, row(header, value));

    assertThat(outcome.warnings()).isEmpty();
    assertThat(field(outcome.posting(), CanonicalColumn.forHeader(header).orElseThrow())).isEqualTo(value);
  }

  @Test
  void salaryMinAboveSalaryMaxSetsBothAside() {
    var outcome = (RowOutcome.Accepted) validator.validate(4, row("給与下限", "6000000"));

    assertThat(outcome.warnings()).containsExactly(new UploadWarning(4, "salary_min", WarningCode.SALARY_RANGE,
        "6000000 > 5000000", "給与下限 (salary_min) 6000000 is greater than 給与上限 (salary_max) 5000000; the posting is "
            + "loaded without either"));
    assertThat(outcome.posting().salaryMin()).isNull();
    assertThat(outcome.posting().salaryMax()).isNull();
  }

  /** A character that cannot pass, in a field other than posting_id: the field as kept, and the warnings' codes. */
  static Stream<Arguments> characters() {
    return Stream.of(
        Arguments.of("株式会社\u0000テスト", "株式会社テスト", List.of(WarningCode.CONTROL_CHARACTER),
            "株式会社<U+0000>テスト", "会社名 (company_name) contained a control character (U+0000), which was removed"),
        Arguments.of("株式会社\u0001\u001Fテスト\u007F", "株式会社テスト", List.of(WarningCode.CONTROL_CHARACTER),
            "株式会社<U+0001><U+001F>テスト<U+007F>",
            "contained control characters (U+0001, U+001F, U+007F), which were removed"),
        Arguments.of("株式会社\u0080\u009Fテスト", "株式会社テスト", List.of(WarningCode.CONTROL_CHARACTER),
            "株式会社<U+0080><U+009F>テスト", "control characters (U+0080, U+009F)"),
        Arguments.of("株式会社\uFFFEテスト\uFFFF", "株式会社テスト", List.of(WarningCode.NONCHARACTER),
            "株式会社<U+FFFE>テスト<U+FFFF>", "contained noncharacters (U+FFFE, U+FFFF), which were removed"),
        Arguments.of("株式会社\uFDD0テスト\uD83F\uDFFF", "株式会社テスト", List.of(WarningCode.NONCHARACTER),
            "株式会社<U+FDD0>テスト<U+1FFFF>", "noncharacters (U+FDD0, U+1FFFF)"),
        Arguments.of("株式会社\uFFFDテスト", "株式会社\uFFFDテスト", List.of(WarningCode.UNDECODABLE),
            "株式会社\uFFFDテスト", "会社名 (company_name) contained bytes that are not valid UTF-8, replaced by \uFFFD"),
        Arguments.of("株式会社\uDC00テスト", "株式会社\uFFFDテスト", List.of(WarningCode.UNDECODABLE),
            "株式会社<U+DC00>テスト", "not valid UTF-8"),
        Arguments.of("株式会社\u0000\uFFFF\uFFFDテスト", "株式会社\uFFFDテスト",
            List.of(WarningCode.CONTROL_CHARACTER, WarningCode.NONCHARACTER, WarningCode.UNDECODABLE),
            "株式会社<U+0000><U+FFFF>\uFFFDテスト", "(U+0000)"),
        Arguments.of("株式会社😀\tテスト", "株式会社😀\tテスト", List.of(), "", ""));
  }

  @ParameterizedTest(name = "[{0}] -> [{1}] {2}")
  @MethodSource("characters")
  void aCharacterThatCannotPassIsRemovedOrReplacedWithAWarning(String value, String kept, List<WarningCode> codes,
      String shown, String reason) {
    var outcome = (RowOutcome.Accepted) validator.validate(3, row("会社名", value));

    assertThat(outcome.posting().companyName()).isEqualTo(kept);
    assertThat(outcome.warnings()).extracting(UploadWarning::code).containsExactlyElementsOf(codes);
    assertThat(outcome.warnings()).allSatisfy(w -> {
      assertThat(w.rowNumber()).isEqualTo(3);
      assertThat(w.column()).isEqualTo("company_name");
      assertThat(w.value()).isEqualTo(shown);
    });
    if (!codes.isEmpty()) {
      assertThat(outcome.warnings().get(0).reason()).contains(reason);
    }
  }

  @Test
  void aFieldCanHaveSeveralWarningsAndARowManyFields() {
    List<String> fields = row("給与下限", "lots");
    fields.set(HEADER.indexOf("掲載日"), "someday");
    fields.set(HEADER.indexOf("所在地"), "東京都\u0000中央区\u0007");

    var outcome = (RowOutcome.Accepted) validator.validate(8, fields);

    assertThat(outcome.warnings()).extracting(UploadWarning::column, UploadWarning::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("address", WarningCode.CONTROL_CHARACTER),
        org.assertj.core.groups.Tuple.tuple("salary_min", WarningCode.INVALID_AMOUNT),
        org.assertj.core.groups.Tuple.tuple("posted_at", WarningCode.INVALID_DATE));
    assertThat(outcome.posting().address()).isEqualTo("東京都中央区");
  }

  @Test
  void theFirstFaultInCanonicalColumnOrderIsTheOneReported() {
    List<String> fields = row("掲載日", "someday");
    fields.set(HEADER.indexOf("会社名"), "");

    var outcome = (RowOutcome.Rejected) validator.validate(3, fields);

    assertThat(outcome.rejection().code()).isEqualTo(RejectionCode.MISSING_VALUE);
  }

  @Test
  void reasonsUseTheCanonicalNameAloneWhenThePartnerWroteIt() {
    RowValidator english = validator(List.of("posting_id", "company_name", "salary_min"));

    var outcome = (RowOutcome.Accepted) english.validate(9, List.of("J-1", "Acme", "lots"));

    assertThat(outcome.warnings()).singleElement().extracting(UploadWarning::reason).isEqualTo("salary_min \"lots\" is "
        + "not a whole number of yen (write e.g. 350000, 350,000 or 350000円); the posting is loaded without it");
  }

  private static String field(JobPosting p, CanonicalColumn column) {
    Object value = switch (column) {
      case POSTING_ID -> p.postingId();
      case COMPANY_NAME -> p.companyName();
      case COMPANY_NAME_KANA -> p.companyNameKana();
      case CORPORATE_NUMBER -> p.corporateNumber();
      case POSTAL_CODE -> p.postalCode();
      case ADDRESS -> p.address();
      case PHONE -> p.phone();
      case WEBSITE -> p.website();
      case JOB_TITLE -> p.jobTitle();
      case EMPLOYMENT_TYPE -> p.employmentType();
      case SALARY_MIN -> p.salaryMin();
      case SALARY_MAX -> p.salaryMax();
      case WORK_LOCATION -> p.workLocation();
      case DESCRIPTION -> p.description();
      case POSTED_AT -> p.postedAt();
      case URL -> p.url();
    };
    return value == null ? null : value.toString();
  }

  private static List<String> append(List<String> fields, String value) {
    List<String> more = new ArrayList<>(fields);
    more.add(value);
    return more;
  }
}
