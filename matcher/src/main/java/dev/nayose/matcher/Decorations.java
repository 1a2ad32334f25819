package dev.nayose.matcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What job feeds put around a company's name ({@code 【正社員】}, {@code 採用担当}, {@code （東京本社）},
 * {@code グループ}, {@code ★}, {@code （旧：…）}), read from the data file {@code decorations.tsv} next to
 * this class: one decoration a line with its {@link Kind}, an example and what is left of it.
 *
 * <p>{@link #strip} takes them off a posting's name. It knows nothing of the master: the caller uses
 * what is left only when the posting's full name names no master company and the rest does (see
 * {@code PostingFeatures}), so that {@code ソフトバンクグループ} stays itself. The master's names are
 * never stripped. Instances are immutable and thread-safe.
 */
public final class Decorations {

  /** What a decoration is, and so where it is taken off. */
  public enum Kind {
    /** A recruitment word at the start or the end: 採用担当, 人事部, 急募. */
    RECRUITMENT,
    /** An employment type or listing word, only inside a bracket: 【正社員】, （東証プライム上場）. */
    EMPLOYMENT_TYPE_BRACKET,
    /** A symbol, anywhere: ★. */
    MARK,
    /** A site or division word ending the name or a bracket: 本部, （大阪支店）, 新宿営業所. */
    SITE_WORD,
    /** A group word ending the name: グループ, ホールディングス. Taken off, the name is only DECORATED. */
    GROUP_WORD,
    /** A bracket opening with it holds a former name: （旧：山田鉄工）. */
    FORMER_NAME_MARK,
    /** A separator before a site or recruitment tail: ｜, /, " - ". */
    SEPARATOR,
    /** A spelling folded away: アンド between two names. */
    PUNCTUATION
  }

  /** One line of the data file; {@code text} as written there, before NFKC. */
  public record Entry(String text, Kind kind, String example, String expected) {}

  /**
   * A name with its decorations taken off, one at a time: {@code steps} the names left after each
   * removal, the least stripped first (a caller takes the first the master bears, so that
   * {@code BESTグループ 採用担当} is {@code BESTグループ} when that is a company, and {@code BEST} only
   * when it is not); {@code formerName} the content of a former-name bracket ({@code null} when none).
   */
  public record Stripped(List<Step> steps, String formerName) {
    /** What is left at the end. */
    public String name() {
      return steps.get(steps.size() - 1).name();
    }

    /** Everything taken off, in the order found. */
    public List<String> removed() {
      return steps.get(steps.size() - 1).removed();
    }
  }

  /**
   * A name left after a removal (NFKC, upper case): {@code removed} what was taken off so far,
   * {@code weak} whether a group or site word was among it (the rest may be another company of the
   * group or the site's own company: never EXACT).
   */
  public record Step(String name, List<String> removed, boolean weak) {}

  private static final String RESOURCE = "decorations.tsv";
  private static final Decorations STANDARD = new Decorations(readStandard());
  /** Opening and closing brackets, pairwise, after NFKC. */
  private static final String BRACKETS = "【】[]〔〕《》≪≫<>()〈〉「」『』";
  private static final String TOKEN_SEPARATORS = "・/、,| ";
  /** Site words ending a name that are part of a shop's name: 山田商店. */
  private static final List<String> SHOP_WORDS =
      List.of("商店", "書店", "酒店", "飯店", "百貨店", "専門店", "薬店", "菓子店", "工務店", "代理店", "販売店", "特約店");
  private static final int MAX_SITE_TOKEN = 10;

  private final List<Entry> entries;
  private final Map<Kind, List<String>> words = new EnumMap<>(Kind.class);
  private final String marks;

  Decorations(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Kind kind : Kind.values()) {
      words.put(kind, new ArrayList<>());
    }
    StringBuilder marks = new StringBuilder();
    for (Entry e : entries) {
      String text = e.kind() == Kind.SEPARATOR ? e.text() : fold(e.text()).strip();
      if (e.kind() == Kind.MARK) {
        marks.append(text);
      } else if (!words.get(e.kind()).contains(text)) {
        words.get(e.kind()).add(text);
      }
    }
    for (Kind kind : Kind.values()) {
      List<String> list = words.get(kind);
      if (kind == Kind.SEPARATOR) {
        list.replaceAll(s -> fold(s));
      }
      list.sort(Comparator.comparingInt(String::length).reversed());
      words.put(kind, List.copyOf(list));
    }
    this.marks = marks.toString();
  }

  /** The decorations of {@code decorations.tsv}. */
  public static Decorations standard() {
    return STANDARD;
  }

  /** The lines of the data file, in order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Reads a data file: {@code text TAB kind TAB example TAB expected}; {@code #} starts a comment line. */
  public static List<Entry> read(InputStream in) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length < 2 || cells[0].isEmpty()) {
          throw new IllegalArgumentException(RESOURCE + " line " + number + ": want text, kind, example, expected");
        }
        Kind kind = Kind.valueOf(cells[1].strip());
        entries.add(new Entry(cells[0], kind, cells.length > 2 ? cells[2] : "", cells.length > 3 ? cells[3] : ""));
      }
    }
    return entries;
  }

  private static List<Entry> readStandard() {
    try (InputStream in = Decorations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code name} without its decorations, or {@code null} when it has none (or is nothing but
   * decorations).
   */
  public Stripped strip(String name) {
    String text = fold(name).strip();
    List<String> removed = new ArrayList<>(2);
    boolean[] weak = new boolean[1];
    String former = null;
    List<Step> steps = new ArrayList<>(4);

    // former-name and decoration brackets, wherever they stand
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int kind = BRACKETS.indexOf(text.charAt(i));
      int close = kind >= 0 && kind % 2 == 0 ? text.indexOf(BRACKETS.charAt(kind + 1), i + 1) : -1;
      if (close > i) {
        String content = text.substring(i + 1, close).strip();
        String formerName = formerName(content);
        if (formerName != null) {
          former = formerName.isEmpty() ? former : formerName;
          removed.add(text.substring(i, close + 1));
          i = close + 1;
          continue;
        }
        if (isDecorationBracket(content, weak)) {
          removed.add(text.substring(i, close + 1));
          out.append(' ');
          i = close + 1;
          continue;
        }
      }
      out.append(text.charAt(i));
      i++;
    }
    text = out.toString();
    step(steps, text, removed, weak[0]);

    // marks, anywhere
    if (!marks.isEmpty()) {
      StringBuilder kept = null;
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        if (marks.indexOf(c) >= 0) {
          if (kept == null) {
            kept = new StringBuilder(text.length()).append(text, 0, k);
          }
          removed.add(String.valueOf(c));
          kept.append(' ');
        } else if (kept != null) {
          kept.append(c);
        }
      }
      text = kept == null ? text : kept.toString();
    }
    text = text.strip();
    step(steps, text, removed, weak[0]);

    // recruitment words at the start
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String word : words.get(Kind.RECRUITMENT)) {
        if (text.length() > word.length() && text.startsWith(word)) {
          removed.add(word);
          text = text.substring(word.length()).strip();
          step(steps, text, removed, weak[0]);
          changed = true;
          break;
        }
      }
    }

    // tails: a separated tail, recruitment, site and group words, until none is left
    changed = true;
    while (changed && !text.isEmpty()) {
      changed = false;
      String cut = separatedTail(text, weak);
      if (cut == null) {
        cut = endingWord(text, Kind.RECRUITMENT);
      }
      if (cut == null) {
        cut = siteTail(text);
        if (cut != null) {
          weak[0] = true;
        }
      }
      if (cut == null) {
        cut = endingWord(text, Kind.GROUP_WORD);
        if (cut != null) {
          weak[0] = true;
        }
      }
      if (cut != null) {
        removed.add(cut.strip());
        text = text.substring(0, text.length() - cut.length()).strip();
        step(steps, text, removed, weak[0]);
        changed = true;
      }
    }

    for (String word : words.get(Kind.PUNCTUATION)) {
      int at = text.indexOf(word);
      if (at > 0 && at + word.length() < text.length()) {
        removed.add(word);
        text = text.replace(word, "");
        step(steps, text, removed, weak[0]);
      }
    }
    if (steps.isEmpty() && former == null) {
      return null;
    }
    if (steps.isEmpty()) {
      steps.add(new Step(text.strip(), List.copyOf(removed), weak[0]));
    }
    return new Stripped(List.copyOf(steps), former);
  }

  /** Records the name left when something was taken off since the last step and something is left. */
  private static void step(List<Step> steps, String text, List<String> removed, boolean weak) {
    int before = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).removed().size();
    String name = text.strip();
    if (removed.size() > before && !name.isEmpty()) {
      steps.add(new Step(name, List.copyOf(removed), weak));
    }
  }

  /** The former name a bracket's content gives ({@code 旧:山田鉄工} → {@code 山田鉄工}), else {@code null}. */
  private String formerName(String content) {
    for (String mark : words.get(Kind.FORMER_NAME_MARK)) {
      if (content.startsWith(mark)) {
        String rest = content.substring(mark.length()).strip();
        while (!rest.isEmpty() && (rest.charAt(0) == ':' || rest.charAt(0) == '・')) {
          rest = rest.substring(1).strip();
        }
        return rest;
      }
    }
    return null;
  }

  /** Whether every word of a bracket's content is a decoration: 【正社員・契約社員】, （東京本社）. */
  private boolean isDecorationBracket(String content, boolean[] weak) {
    if (content.isEmpty()) {
      return false;
    }
    boolean site = false;
    int start = 0;
    for (int k = 0; k <= content.length(); k++) {
      if (k == content.length() || TOKEN_SEPARATORS.indexOf(content.charAt(k)) >= 0) {
        String token = content.substring(start, k).strip();
        start = k + 1;
        if (token.isEmpty() || isWord(token, Kind.EMPLOYMENT_TYPE_BRACKET) || isWord(token, Kind.RECRUITMENT)
            || (token.length() == 1 && marks.indexOf(token.charAt(0)) >= 0)) {
          continue;
        }
        if (token.length() <= MAX_SITE_TOKEN && endsWithSiteWord(token)) {
          site = true;
          continue;
        }
        return false;
      }
    }
    // a whole bracketed phrase that is one entry (アルバイト・パート) is read above token by token
    weak[0] |= site;
    return true;
  }

  /** A tail after a separator that is a recruitment word or a site: {@code ｜渋谷店}, {@code  / 人事部}. */
  private String separatedTail(String text, boolean[] weak) {
    for (String separator : words.get(Kind.SEPARATOR)) {
      int at = text.lastIndexOf(separator);
      if (at <= 0) {
        continue;
      }
      String tail = text.substring(at + separator.length()).strip();
      if (tail.isEmpty()) {
        continue;
      }
      if (isWord(tail, Kind.RECRUITMENT)) {
        return text.substring(at);
      }
      if (tail.length() <= MAX_SITE_TOKEN && endsWithSiteWord(tail)) {
        weak[0] = true;
        return text.substring(at);
      }
    }
    return null;
  }

  /**
   * A site tail: the last word set apart by a space when it ends in a site word ({@code  第二工場}),
   * else a site word run on to the name ({@code 本部}, never a lone 店).
   */
  private String siteTail(String text) {
    int space = text.lastIndexOf(' ');
    if (space > 0) {
      String last = text.substring(space + 1);
      if (last.length() <= MAX_SITE_TOKEN && endsWithSiteWord(last)) {
        return text.substring(space);
      }
    }
    for (String word : words.get(Kind.SITE_WORD)) {
      if (word.length() >= 2 && text.length() > word.length() && text.endsWith(word)) {
        return word;
      }
    }
    return null;
  }

  private String endingWord(String text, Kind kind) {
    for (String word : words.get(kind)) {
      if (text.length() > word.length() && text.endsWith(word)) {
        return word;
      }
    }
    return null;
  }

  private boolean endsWithSiteWord(String token) {
    for (String word : words.get(Kind.SITE_WORD)) {
      if (token.endsWith(word)) {
        if (word.equals("店")) {
          for (String shop : SHOP_WORDS) {
            if (token.endsWith(shop)) {
              return false;
            }
          }
        }
        return true;
      }
    }
    return false;
  }

  private boolean isWord(String token, Kind kind) {
    return words.get(kind).contains(token);
  }

  /** NFKC and upper case, as {@link CompanyNameNormaliser} reads a name; U+3000 is a space after it. */
  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
  }
}
