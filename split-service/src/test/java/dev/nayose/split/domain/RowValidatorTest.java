package dev.nayose.split.domain;

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
        "正社員", 3_500_000L, 5_000_000L, "東京都", "決算業務", LocalDate.of(2026, 11, 20), "https://jobs.example/J-1")));
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
    return Stream.of(
        Arguments.of(row("", "").subList(0, 16), RejectionCode.WRONG_FIELD_COUNT, null,
            "the row has 16 field(s), the header has 17"),
        Arguments.of(append(row("", ""), ""), RejectionCode.WRONG_FIELD_COUNT, null,
            "the row has 18 field(s), the header has 17"),
        Arguments.of(row("会社名", "株式会社\uFFFDテスト"), RejectionCode.UNDECODABLE, "company_name",
            "会社名 (company_name) contains bytes that are not valid UTF-8"),
        Arguments.of(row("仕事内容", "\uFFFD"), RejectionCode.UNDECODABLE, "description",
            "仕事内容 (description) contains bytes that are not valid UTF-8"),
        Arguments.of(row("求人ID", ""), RejectionCode.MISSING_VALUE, "posting_id", "求人ID (posting_id) is empty"),
        Arguments.of(row("求人ID", "　 "), RejectionCode.MISSING_VALUE, "posting_id", "求人ID (posting_id) is empty"),
        Arguments.of(row("会社名", ""), RejectionCode.MISSING_VALUE, "company_name", "会社名 (company_name) is empty"),
        Arguments.of(row("求人ID", longId), RejectionCode.TOO_LONG, "posting_id",
            "求人ID (posting_id) is 201 characters long, at most 200 are allowed"),
        Arguments.of(row("会社名", "株".repeat(1_001)), RejectionCode.TOO_LONG, "company_name",
            "会社名 (company_name) is 1001 characters long, at most 1000 are allowed"),
        Arguments.of(row("仕事内容", "あ".repeat(20_001)), RejectionCode.TOO_LONG, "description",
            "仕事内容 (description) is 20001 characters long, at most 20000 are allowed"),
        Arguments.of(row("給与下限", "応相談"), RejectionCode.INVALID_AMOUNT, "salary_min",
            "給与下限 (salary_min) \"応相談\" is not a whole number of yen (write e.g. 350000, 350,000 or 350000円)"),
        Arguments.of(row("給与上限", "-1"), RejectionCode.INVALID_AMOUNT, "salary_max",
            "給与上限 (salary_max) \"-1\" is not a whole number of yen"),
        Arguments.of(row("給与下限", "35万円"), RejectionCode.INVALID_AMOUNT, "salary_min", "\"35万円\" is not a whole number"),
        Arguments.of(row("給与下限", "3.5"), RejectionCode.INVALID_AMOUNT, "salary_min", "\"3.5\" is not a whole number"),
        Arguments.of(row("給与下限", "35,00"), RejectionCode.INVALID_AMOUNT, "salary_min", "\"35,00\" is not a whole number"),
        Arguments.of(row("給与下限", "300000〜400000"), RejectionCode.INVALID_AMOUNT, "salary_min", "is not a whole number"),
        Arguments.of(row("給与上限", "99999999999999999999"), RejectionCode.INVALID_AMOUNT, "salary_max",
            "\"99999999999999999999\" is too large an amount"),
        Arguments.of(row("給与下限", "6000000"), RejectionCode.SALARY_RANGE, "salary_min",
            "給与下限 (salary_min) 6000000 is greater than 給与上限 (salary_max) 5000000"),
        Arguments.of(row("掲載日", "2026/13/45"), RejectionCode.INVALID_DATE, "posted_at",
            "掲載日 (posted_at) \"2026/13/45\" is not a calendar date"),
        Arguments.of(row("掲載日", "2026-02-30"), RejectionCode.INVALID_DATE, "posted_at", "is not a calendar date"),
        Arguments.of(row("掲載日", "11/05/2026"), RejectionCode.INVALID_DATE, "posted_at",
            "掲載日 (posted_at) \"11/05/2026\" is not a date (write e.g. 2026-11-05, 2026/11/5 or 2026年11月5日)"),
        Arguments.of(row("掲載日", "2026/11-05"), RejectionCode.INVALID_DATE, "posted_at", "is not a date"),
        Arguments.of(row("掲載日", "2026/11/05 10:00"), RejectionCode.INVALID_DATE, "posted_at", "is not a date"),
        Arguments.of(row("掲載日", "昨日\n" + "あ".repeat(60)), RejectionCode.INVALID_DATE, "posted_at",
            "\"昨日 " + "あ".repeat(37) + "…\" is not a date"));
  }

  @ParameterizedTest(name = "{1} {2}: {3}")
  @MethodSource("rejections")
  void aBadRowIsRejectedWithItsColumnAndReason(List<String> fields, RejectionCode code, String column, String reason) {
    RowOutcome outcome = validator.validate(5, fields);

    assertThat(outcome).isInstanceOfSatisfying(RowOutcome.Rejected.class, rejected -> {
      assertThat(rejected.rejection().rowNumber()).isEqualTo(5);
      assertThat(rejected.rejection().code()).isEqualTo(code);
      assertThat(rejected.rejection().column()).isEqualTo(column);
      assertThat(rejected.rejection().reason()).contains(reason);
    });
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

    var outcome = (RowOutcome.Rejected) english.validate(9, List.of("J-1", "Acme", "lots"));

    assertThat(outcome.rejection().reason()).isEqualTo("salary_min \"lots\" is not a whole number of yen "
        + "(write e.g. 350000, 350,000 or 350000円)");
  }

  private static List<String> append(List<String> fields, String value) {
    List<String> more = new ArrayList<>(fields);
    more.add(value);
    return more;
  }
}
