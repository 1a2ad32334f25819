package dev.nayose.bench;

import dev.nayose.matcher.CompanyNameNormaliser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link CompanyNameNormaliser#parse}, run on every posting's name and, at start-up, on every
 * name of the master. The eight names take the normaliser's different paths: NFKC of ㈱ and
 * full-width Latin, a legal form in front, behind or in brackets, a branch set apart, a Latin legal
 * form, variant kanji, half-width katakana, hiragana. One operation is one name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CompanyNameNormaliserBenchmark {
  static final List<String> NAMES = List.of(
      "㈱ＭＣＡホールディングス",
      "株式会社 東京増田医療器",
      "山田商事株式会社",
      "アプレイザル福岡 (株) 新宿支店",
      "Sony Group Corporation",
      "髙橋建設株式会社",
      "ｻﾝﾌﾟﾙ株式会社",
      "医療法人社団 さくら会");

  private final CompanyNameNormaliser normaliser = new CompanyNameNormaliser();
  private final String[] names = NAMES.toArray(String[]::new);

  @Benchmark
  @OperationsPerInvocation(8)
  public void parse(Blackhole blackhole) {
    for (String name : names) {
      blackhole.consume(normaliser.parse(name));
    }
  }
}
