package dev.nayose.match.domain;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a company name as people write it into the key under which the master is searched, so
 * that {@code ㈱ＭＣＡホールディングス}, {@code 株式会社 ＭＣＡホールディングス} and {@code
 * MCAホールディングス(株)} all become {@code MCAホールディングス}.
 *
 * <p>In order: NFKC (full-width to half-width ASCII, half-width to full-width katakana, ㈱ to
 * (株)); Latin letters upper-cased; a trailing branch designation dropped when it is set apart
 * from the name ({@code TK6(株) 大阪営業所}); trailing Latin legal forms ({@code Co., Ltd.},
 * {@code Inc.}, {@code Corporation}...) removed; whitespace (U+3000 included) and middle dots
 * removed; Japanese legal forms ({@link #LEGAL_FORMS}) removed wherever they stand. The result
 * may be empty (a name that is only a legal form); it is never {@code null} for a non-null input.
 * Instances are immutable and thread-safe.
 */
public final class CompanyNameNormaliser {

  /**
   * Japanese legal forms and their abbreviations, as they read after NFKC and upper-casing. The
   * longest are removed first, so that 医療法人社団 does not leave 社団 behind.
   */
  public static final List<String> LEGAL_FORMS = List.of(
      "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "相互会社",
      "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
      "社会医療法人", "医療法人社団", "医療法人財団", "医療法人", "社会福祉法人", "学校法人",
      "特定非営利活動法人", "NPO法人", "宗教法人", "独立行政法人", "国立大学法人", "農事組合法人",
      "有限責任事業組合", "有限責任監査法人", "監査法人", "弁護士法人", "司法書士法人", "税理士法人",
      "行政書士法人", "社会保険労務士法人", "特許業務法人", "土地家屋調査士法人",
      "(株)", "(有)", "(同)", "(資)", "(名)", "(一社)", "(一財)", "(公社)", "(公財)", "(社)", "(財)",
      "(医)", "(福)", "(社福)", "(学)", "(特非)", "(NPO)", "(宗)");

  private static final List<String> LONGEST_FIRST = LEGAL_FORMS.stream()
      .sorted(Comparator.comparingInt(String::length).reversed()).toList();
  private static final Pattern LEGAL_FORM = Pattern.compile(LONGEST_FIRST.stream()
      .map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow());

  /** Latin legal forms at the end of the name, after a space, comma or the start. */
  private static final Pattern LATIN_LEGAL_FORM = Pattern.compile(
      "(?:[\\s,]*(?<![A-Z0-9&])(?:CO\\.?,?\\s*LTD\\.?|CORPORATION|CORP\\.?|INC\\.?|LTD\\.?|LIMITED|LLC\\.?"
          + "|L\\.L\\.C\\.|K\\.K\\.|G\\.K\\.|CO\\.))+$");

  /**
   * Words that end a branch designation. Deliberately short: センター, 事務所 or 商店 end many
   * company names themselves.
   */
  private static final List<String> BRANCH_WORDS =
      List.of("支店", "営業所", "事業所", "支社", "出張所", "本社", "本店", "工場");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
  private static final String MIDDLE_DOTS = "・·‧∙･";
  private static final Map<Character, List<String>> FORMS_BY_FIRST_CHAR = LONGEST_FIRST.stream()
      .collect(Collectors.groupingBy(form -> form.charAt(0), Collectors.toUnmodifiableList()));

  /** The key of {@code name}; see the class comment. */
  public String normalise(String name) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).strip();
    if (endsWithBranch(text)) {
      text = withoutBranch(text);
    }
    if (mayEndInLatinLegalForm(text)) {
      text = LATIN_LEGAL_FORM.matcher(text).replaceFirst("");
    }
    return withoutLegalForms(withoutIgnored(text));
  }

  /**
   * {@code text} without a trailing branch designation, recognised only where it is set apart:
   * after a space ({@code アプレイザル福岡 (株) 新宿支店}, {@code ヤマト運輸 新宿支店}) or right after
   * a legal form that is not the first word ({@code TK6(株)大阪営業所}). {@code 株式会社東京支店}
   * and {@code 株式会社 東京支店} (companies of that name) keep it.
   */
  private static String withoutBranch(String text) {
    String compact = WHITESPACE.matcher(text).replaceAll(" ");
    int space = compact.lastIndexOf(' ');
    if (space > 0) {
      String head = compact.substring(0, space);
      String last = compact.substring(space + 1);
      if (endsWithBranch(last) && hasMoreThanLegalForms(head)) {
        return head;
      }
    }
    String joined = compact.replace(" ", "");
    Matcher form = LEGAL_FORM.matcher(joined);
    int end = -1;
    while (form.find()) {
      end = form.start() > 0 ? form.end() : end;
    }
    if (end > 0 && end < joined.length()) {
      String tail = joined.substring(end);
      if (endsWithBranch(tail) && !LEGAL_FORM.matcher(tail).find()) {
        return joined.substring(0, end);
      }
    }
    return text;
  }

  private static boolean hasMoreThanLegalForms(String text) {
    return !withoutLegalForms(withoutIgnored(text)).isEmpty();
  }

  // The fast paths below keep a master of millions of names quick to index: most names have no
  // branch, no Latin legal form, and their Japanese legal form is found by its first character.

  private static boolean endsWithBranch(String text) {
    for (String word : BRANCH_WORDS) {
      if (text.endsWith(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayEndInLatinLegalForm(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char last = text.charAt(text.length() - 1);
    return (last >= 'A' && last <= 'Z') || last == '.';
  }

  private static String withoutIgnored(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isIgnored(c)) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isIgnored(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || MIDDLE_DOTS.indexOf(c) >= 0;
  }

  /** Removes every legal form, the longest first where several start at the same character. */
  private static String withoutLegalForms(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      String form = legalFormAt(text, i);
      if (form != null) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        i += form.length();
      } else {
        if (out != null) {
          out.append(text.charAt(i));
        }
        i++;
      }
    }
    return out == null ? text : out.toString();
  }

  private static String legalFormAt(String text, int at) {
    List<String> candidates = FORMS_BY_FIRST_CHAR.get(text.charAt(at));
    if (candidates != null) {
      for (String form : candidates) {
        if (text.startsWith(form, at)) {
          return form;
        }
      }
    }
    return null;
  }
}
