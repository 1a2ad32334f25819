package dev.nayose.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs of normalised names (keys of {@link dev.nayose.matcher.CompanyNameNormaliser}: no legal form, katakana, ASCII
 * upper case) with the level {@link NameComparison#level} gives them, one list per level the
 * benchmarks measure. Each level takes another path through {@code level}: EXACT stops at
 * {@code equals}, NEAR runs the bounded edit distance, SIMILAR and DIFFERENT fall through to the
 * containment test and Dice's coefficient.
 */
final class NamePairs {
  private NamePairs() {}

  /** A posting's name key, a master's name key and the level name ({@link Field#NAME}) they get. */
  record Pair(String posting, String master, String level) {}

  static final List<Pair> EXACT = List.of(
      new Pair("ヤマト運輸", "ヤマト運輸", "EXACT"),
      new Pair("MCAホールディングス", "MCAホールディングス", "EXACT"),
      new Pair("東京増田医療器", "東京増田医療器", "EXACT"));

  static final List<Pair> NEAR = List.of(
      // one substitution in a name of five
      new Pair("ヤマト運輸", "ヤマド運輸", "NEAR"),
      // two in a name of twelve
      new Pair("アクティブライフサービス", "アクティブライフサービシ", "NEAR"),
      new Pair("東京増田医療器", "東京増田医療機", "NEAR"));

  static final List<Pair> SIMILAR = List.of(
      // 6 and 8 bigrams, 5 shared: 10/14; two characters more is too many edits for seven
      new Pair("中央システムズ", "中央情報システムズ", "SIMILAR"),
      // 8 and 7 bigrams, 4 shared: 8/15
      new Pair("アクティブイースト", "アクティブライフ", "SIMILAR"),
      // three characters: one edit is another name, and 2/4 of the bigrams are shared
      new Pair("イケダ", "タケダ", "SIMILAR"));

  static final List<Pair> DIFFERENT = List.of(
      new Pair("山田建設", "田中工業", "DIFFERENT"),
      new Pair("ヤマト運輸", "サガワキュウビン", "DIFFERENT"),
      new Pair("MCAホールディングス", "東京増田医療器", "DIFFERENT"));

  /** All of the above, in turn: the mix a matcher meets in its candidates. */
  static final List<Pair> MIXED = interleave(EXACT, NEAR, SIMILAR, DIFFERENT);

  static List<Pair> of(String kind) {
    return switch (kind) {
      case "EXACT" -> EXACT;
      case "NEAR" -> NEAR;
      case "SIMILAR" -> SIMILAR;
      case "DIFFERENT" -> DIFFERENT;
      case "MIXED" -> MIXED;
      default -> throw new IllegalArgumentException("unknown kind of pair: " + kind);
    };
  }

  @SafeVarargs
  private static List<Pair> interleave(List<Pair>... lists) {
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < lists[0].size(); i++) {
      for (List<Pair> list : lists) {
        out.add(list.get(i));
      }
    }
    return List.copyOf(out);
  }
}
