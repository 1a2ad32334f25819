package dev.nayose.matcher;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The legal form of a Japanese corporation (会社の種類・法人格), read from the way it is written in a
 * name: in full ({@code 株式会社}) or abbreviated ({@code (株)}, and {@code ㈱} which NFKC turns into
 * {@code (株)}). A legal form is evidence: {@code (有)イーグル} and {@code 株式会社イーグル} are two
 * companies.
 *
 * <p>{@link #written()} lists the spellings after NFKC and upper-casing. Forms that are spelled as
 * a longer form's start ({@code 医療法人} of {@code 医療法人社団}) are told apart by matching the
 * longest spelling first ({@link #spellingsLongestFirst()}).
 */
public enum LegalForm {
  KABUSHIKI("301", "株式会社", "(株)"),
  YUGEN("302", "有限会社", "(有)"),
  GOMEI("303", "合名会社", "(名)"),
  GOSHI("304", "合資会社", "(資)"),
  GODO("305", "合同会社", "(同)"),
  SOGO(null, "相互会社"),
  IPPAN_SHADAN(null, "一般社団法人", "(一社)", "(社)"),
  IPPAN_ZAIDAN(null, "一般財団法人", "(一財)", "(財)"),
  KOEKI_SHADAN(null, "公益社団法人", "(公社)"),
  KOEKI_ZAIDAN(null, "公益財団法人", "(公財)"),
  IRYO(null, "医療法人", "医療法人社団", "医療法人財団", "社会医療法人", "(医)"),
  SHAKAI_FUKUSHI(null, "社会福祉法人", "(福)", "(社福)"),
  GAKKO(null, "学校法人", "(学)"),
  NPO(null, "特定非営利活動法人", "NPO法人", "(特非)", "(NPO)"),
  SHUKYO(null, "宗教法人", "(宗)"),
  DOKURITSU_GYOSEI(null, "独立行政法人", "国立大学法人"),
  NOJI_KUMIAI(null, "農事組合法人"),
  LLP(null, "有限責任事業組合"),
  SHIGYO(null, "監査法人", "有限責任監査法人", "弁護士法人", "司法書士法人", "税理士法人", "行政書士法人",
      "社会保険労務士法人", "特許業務法人", "土地家屋調査士法人");

  /** A spelling of a legal form, for scanning names. */
  public record Spelling(String text, LegalForm form) {}

  private static final List<Spelling> LONGEST_FIRST;
  private static final Map<LegalForm, String> FULL = new EnumMap<>(LegalForm.class);

  static {
    LONGEST_FIRST = java.util.Arrays.stream(values())
        .flatMap(form -> form.written.stream().map(text -> new Spelling(text, form)))
        .sorted(Comparator.comparingInt((Spelling s) -> s.text().length()).reversed())
        .toList();
    for (LegalForm form : values()) {
      FULL.put(form, form.written.get(0));
    }
  }

  private final String ntaKind;
  private final List<String> written;

  LegalForm(String ntaKind, String... written) {
    this.ntaKind = ntaKind;
    this.written = List.of(written);
  }

  /** Every spelling, full first, as they read after NFKC and upper-casing. */
  public List<String> written() {
    return written;
  }

  /** The full name, e.g. {@code 株式会社}. */
  public String fullName() {
    return FULL.get(this);
  }

  /** All spellings of all forms, the longest first. */
  public static List<Spelling> spellingsLongestFirst() {
    return LONGEST_FIRST;
  }

  /**
   * The form of the National Tax Agency's kind code ({@code 301} 株式会社 ... {@code 305}
   * 合同会社), {@code null} for other codes, which do not say which legal form.
   */
  public static LegalForm ofNtaKind(String kind) {
    if (kind == null) {
      return null;
    }
    for (LegalForm form : values()) {
      if (kind.equals(form.ntaKind)) {
        return form;
      }
    }
    return null;
  }

  /** The form with this {@link #ordinal()}, or {@code null} for -1. */
  static LegalForm ofOrdinal(int ordinal) {
    return ordinal < 0 ? null : values()[ordinal];
  }
}
