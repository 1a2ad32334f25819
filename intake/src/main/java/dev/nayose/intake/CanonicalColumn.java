package dev.nayose.intake;

import dev.nayose.contracts.JobPosting;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of a posting file as nayose names them, with the header texts partners use for
 * them. Each column becomes one field of {@link JobPosting}.
 *
 * <p>A header text matches a column when both are equal after {@link #headerKey}: NFKC (full-width
 * letters, digits and brackets become ASCII), lower case, and without whitespace, {@code _} and
 * {@code -}; so {@code Posting ID}, {@code POSTING_ID} and {@code ｐｏｓｔｉｎｇ－ｉｄ} are all
 * {@code posting_id}, and {@code 会社名（カナ）} is {@code 会社名(カナ)}. No two columns share a key.
 */
public enum CanonicalColumn {
  POSTING_ID("posting_id", Kind.TEXT, JobPosting.MAX_POSTING_ID_LENGTH, "求人ID", "求人番号", "案件ID", "原稿ID"),
  COMPANY_NAME("company_name", Kind.TEXT, JobPosting.MAX_FIELD_LENGTH, "会社名", "企業名", "社名", "法人名", "事業所名"),
  COMPANY_NAME_KANA("company_name_kana", Kind.TEXT, JobPosting.MAX_FIELD_LENGTH,
      "会社名カナ", "企業名カナ", "会社名(カナ)", "フリガナ"),
  CORPORATE_NUMBER("corporate_number", Kind.CORPORATE_NUMBER, JobPosting.MAX_FIELD_LENGTH, "法人番号"),
  POSTAL_CODE("postal_code", Kind.POSTAL_CODE, JobPosting.MAX_FIELD_LENGTH, "郵便番号", "〒"),
  ADDRESS("address", Kind.TEXT, JobPosting.MAX_FIELD_LENGTH, "住所", "所在地", "本社所在地", "会社住所"),
  PHONE("phone", Kind.PHONE, JobPosting.MAX_FIELD_LENGTH, "電話番号", "TEL", "電話"),
  WEBSITE("website", Kind.WEB_ADDRESS, JobPosting.MAX_FIELD_LENGTH,
      "ホームページ", "HP", "URL(企業)", "企業URL", "ウェブサイト", "会社HP"),
  JOB_TITLE("job_title", Kind.TEXT, JobPosting.MAX_FIELD_LENGTH, "職種", "求人タイトル", "職種名"),
  EMPLOYMENT_TYPE("employment_type", Kind.EMPLOYMENT_TYPE, JobPosting.MAX_FIELD_LENGTH, "雇用形態"),
  SALARY_MIN("salary_min", Kind.YEN, JobPosting.MAX_FIELD_LENGTH, "給与下限", "最低給与", "給与(下限)"),
  SALARY_MAX("salary_max", Kind.YEN, JobPosting.MAX_FIELD_LENGTH, "給与上限", "最高給与", "給与(上限)"),
  WORK_LOCATION("work_location", Kind.TEXT, JobPosting.MAX_FIELD_LENGTH, "勤務地"),
  DESCRIPTION("description", Kind.TEXT, JobPosting.MAX_DESCRIPTION_LENGTH, "仕事内容", "説明", "詳細"),
  POSTED_AT("posted_at", Kind.DATE, JobPosting.MAX_FIELD_LENGTH, "掲載日", "掲載開始日", "公開日"),
  URL("url", Kind.WEB_ADDRESS, JobPosting.MAX_FIELD_LENGTH, "求人URL", "掲載URL");

  /**
   * How a column's text is read. A value that is not of its kind is set aside with the kind's
   * warning; the text of every kind but {@code YEN} and {@code DATE} is kept as written.
   */
  enum Kind {
    /** Kept as written, trimmed. */
    TEXT(null),
    /** A non-negative whole amount of yen; see {@link FieldFormats#yen}. */
    YEN(WarningCode.INVALID_AMOUNT),
    /** A calendar date; see {@link FieldFormats#date}. */
    DATE(WarningCode.INVALID_DATE),
    /** A Japanese postal code; see {@link FieldFormats#postalCode}. */
    POSTAL_CODE(WarningCode.INVALID_POSTAL_CODE),
    /** A Japanese telephone number; see {@link FieldFormats#phone}. */
    PHONE(WarningCode.INVALID_PHONE),
    /** A web address; see {@link FieldFormats#webAddress}. */
    WEB_ADDRESS(WarningCode.INVALID_URL),
    /** A corporate number (法人番号); see {@link FieldFormats#corporateNumber}. */
    CORPORATE_NUMBER(WarningCode.INVALID_CORPORATE_NUMBER),
    /** An employment type; see {@link FieldFormats#employmentType}. */
    EMPLOYMENT_TYPE(WarningCode.UNKNOWN_EMPLOYMENT_TYPE);

    private final WarningCode invalid;

    Kind(WarningCode invalid) {
      this.invalid = invalid;
    }

    /** The warning of a value that is not of this kind; null for {@code TEXT}, which any text is. */
    WarningCode invalid() {
      return invalid;
    }
  }

  /** Columns every file must have, and every row must fill. */
  public static final List<CanonicalColumn> REQUIRED = List.of(POSTING_ID, COMPANY_NAME);

  private static final Pattern IGNORED_IN_KEY = Pattern.compile("[\\s_\\-\\uFEFF]+");
  private static final Map<String, CanonicalColumn> BY_KEY;

  static {
    Map<String, CanonicalColumn> byKey = new HashMap<>();
    for (CanonicalColumn column : values()) {
      for (String name : column.headerNames()) {
        CanonicalColumn earlier = byKey.put(headerKey(name), column);
        if (earlier != null && earlier != column) {
          throw new ExceptionInInitializerError("header '" + name + "' would name both " + earlier + " and " + column);
        }
      }
    }
    BY_KEY = Collections.unmodifiableMap(byKey);
  }

  private final String canonicalName;
  private final Kind kind;
  private final int maxLength;
  private final List<String> aliases;

  CanonicalColumn(String canonicalName, Kind kind, int maxLength, String... aliases) {
    this.canonicalName = canonicalName;
    this.kind = kind;
    this.maxLength = maxLength;
    this.aliases = List.of(aliases);
  }

  /** The English snake_case name, e.g. {@code company_name}; also what rejections name. */
  public String canonicalName() {
    return canonicalName;
  }

  Kind kind() {
    return kind;
  }

  /** Longest text accepted, in UTF-16 code units (the unit of {@link JobPosting}'s limits). */
  int maxLength() {
    return maxLength;
  }

  /** The canonical name first, then the partners' names. */
  public List<String> headerNames() {
    var names = new java.util.ArrayList<String>(aliases.size() + 1);
    names.add(canonicalName);
    names.addAll(aliases);
    return List.copyOf(names);
  }

  /** The column a header text names, if any. */
  public static Optional<CanonicalColumn> forHeader(String header) {
    return header == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(headerKey(header)));
  }

  /** What header texts are compared by; see the class comment. */
  static String headerKey(String header) {
    String normalized = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return IGNORED_IN_KEY.matcher(normalized).replaceAll("");
  }
}
