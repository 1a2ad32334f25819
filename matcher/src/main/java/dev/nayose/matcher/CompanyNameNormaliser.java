package dev.nayose.matcher;

import java.text.Normalizer;
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
 * removed; Japanese legal forms ({@link LegalForm}) removed wherever they stand; then {@link
 * NameFolding} (old and variant kanji, long vowels and dashes, hiragana, punctuation). The result
 * may be empty (a name that is only a legal form); it is never {@code null} for a non-null input.
 * Instances are immutable and thread-safe.
 */
public final class CompanyNameNormaliser {

  private static final Pattern LEGAL_FORM = Pattern.compile(LegalForm.spellingsLongestFirst().stream()
      .map(s -> Pattern.quote(s.text())).reduce((a, b) -> a + "|" + b).orElseThrow());

  /** Latin legal forms at the end of the name, after a space, comma or the start. */
  private static final Pattern LATIN_LEGAL_FORM = Pattern.compile(
      "(?:[\\s,]*(?<![A-Z0-9&])(?:CO\\.?,?\\s*LTD\\.?|CORPORATION|CORP\\.?|INC\\.?|LTD\\.?|LIMITED|LLC\\.?"
          + "|L\\.L\\.C\\.|K\\.K\\.|G\\.K\\.|CO\\.))+$");

  /**
   * Words that end a branch designation. Deliberately short: センター, 事務所 or 商店 end many
   * company names themselves.
   */
  private static final List<String> BRANCH_WORDS =
      List.of("支店", "営業所", "事業所", "支社", "出張所", "本社", "本店", "工場", "店");
  /** Names ending in 店 that are a kind of shop, not a branch. */
  private static final List<String> SHOP_WORDS =
      List.of("商店", "書店", "酒店", "飯店", "百貨店", "専門店", "薬店", "菓子店", "工務店", "代理店", "販売店", "特約店");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
  private static final String MIDDLE_DOTS = "・·‧∙･";
  private static final Map<Character, List<LegalForm.Spelling>> FORMS_BY_FIRST_CHAR =
      LegalForm.spellingsLongestFirst().stream().collect(
          Collectors.groupingBy(s -> s.text().charAt(0), Collectors.toUnmodifiableList()));

  /**
   * A name taken apart: {@code key} is what {@link #normalise} gives, {@code legalForm} the first
   * Japanese legal form written in it ({@code null} when none is), {@code branch} the branch
   * designation set apart from it ({@code 大阪営業所}; {@code null} when none).
   */
  public record CompanyName(String key, LegalForm legalForm, String branch) {}

  /** The key of {@code name}; see the class comment. */
  public String normalise(String name) {
    return parse(name).key();
  }

  /** {@code name} taken apart into its key, legal form and branch. */
  public CompanyName parse(String name) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).strip();
    String branch = null;
    if (endsWithBranch(text)) {
      String[] split = splitBranch(text);
      if (split != null) {
        text = split[0];
        branch = withoutIgnored(split[1]);
      }
    }
    if (mayEndInLatinLegalForm(text)) {
      text = LATIN_LEGAL_FORM.matcher(text).replaceFirst("");
    }
    LegalForm[] form = new LegalForm[1];
    String key = NameFolding.fold(withoutLegalForms(withoutIgnored(text), form));
    return new CompanyName(key, form[0], branch == null || branch.isEmpty() ? null : branch);
  }

  /**
   * {@code text} split before a trailing branch designation, recognised only where it is set apart:
   * after a space ({@code アプレイザル福岡 (株) 新宿支店}, {@code ヤマト運輸 新宿支店}) or right after
   * a legal form that is not the first word ({@code TK6(株)大阪営業所}). {@code 株式会社東京支店}
   * and {@code 株式会社 東京支店} (companies of that name) keep it. Returns {@code {name, branch}}, or
   * {@code null} when there is no branch designation.
   */
  private static String[] splitBranch(String text) {
    String compact = WHITESPACE.matcher(text).replaceAll(" ");
    int space = compact.lastIndexOf(' ');
    if (space > 0) {
      String head = compact.substring(0, space);
      String last = compact.substring(space + 1);
      if (endsWithBranch(last) && hasMoreThanLegalForms(head)) {
        return new String[] {head, last};
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
        return new String[] {joined.substring(0, end), tail};
      }
    }
    return null;
  }

  private static boolean hasMoreThanLegalForms(String text) {
    return !withoutLegalForms(withoutIgnored(text), new LegalForm[1]).isEmpty();
  }

  // The fast paths below keep a master of millions of names quick to index: most names have no
  // branch, no Latin legal form, and their Japanese legal form is found by its first character.

  private static boolean endsWithBranch(String text) {
    for (String word : BRANCH_WORDS) {
      if (text.endsWith(word)) {
        // 店 ends a branch (新宿店) but also shops' names: 山田商店, 丸善書店
        return !word.equals("店") || !endsWithShop(text);
      }
    }
    return false;
  }

  private static boolean endsWithShop(String text) {
    for (String shop : SHOP_WORDS) {
      if (text.endsWith(shop)) {
        return true;
      }
    }
    return text.length() < 2;
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

  /**
   * Removes every legal form, the longest first where several start at the same character; the
   * first one found is put in {@code found[0]}.
   */
  private static String withoutLegalForms(String text, LegalForm[] found) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      LegalForm.Spelling form = legalFormAt(text, i);
      if (form != null) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        if (found[0] == null) {
          found[0] = form.form();
        }
        i += form.text().length();
      } else {
        if (out != null) {
          out.append(text.charAt(i));
        }
        i++;
      }
    }
    return out == null ? text : out.toString();
  }

  private static LegalForm.Spelling legalFormAt(String text, int at) {
    List<LegalForm.Spelling> candidates = FORMS_BY_FIRST_CHAR.get(text.charAt(at));
    if (candidates != null) {
      for (LegalForm.Spelling form : candidates) {
        if (text.startsWith(form.text(), at)) {
          return form;
        }
      }
    }
    return null;
  }
}
