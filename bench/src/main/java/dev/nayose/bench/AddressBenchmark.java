package dev.nayose.bench;

import dev.nayose.matcher.Address;
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
 * {@link Address#parse}, run on every posting's address and work location, and {@link
 * Address#ofMaster}, run on every company and office of the master when the index is built. One
 * operation is one address.
 *
 * <p>The posted addresses mix the forms partners write: full-width master style, ASCII with
 * hyphens and a building, kanji numerals, a postal code in front, the prefecture left out, a
 * designated city without its prefecture, a Sapporo 条 address and a note in brackets. The master
 * rows are the NTA's full-width columns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AddressBenchmark {
  static final List<String> POSTED = List.of(
      "東京都港区赤坂７丁目１１番１２号",
      "東京都新宿区西新宿2-8-1センタービル3F",
      "東京都日野市平山二丁目二十番地の十三",
      "〒100-0005 東京都千代田区丸の内1-1",
      "中央区銀座4-6-16 601号室",
      "大阪市西区西本町2-5-10",
      "北海道札幌市中央区北1条西2丁目1-1",
      "港区赤坂１－２－３（赤坂ビル）");

  /** Prefecture, city and street columns of master rows. */
  static final List<List<String>> MASTER = List.of(
      List.of("東京都", "港区", "赤坂７丁目１１番１２号"),
      List.of("東京都", "千代田区", "外神田４丁目９番２号"),
      List.of("東京都", "日野市", "平山２丁目２０番地の１３"),
      List.of("北海道", "上川郡清水町", "御影東一条２丁目１番地"),
      List.of("神奈川県", "横浜市神奈川区", "旭ケ丘１９－６"),
      List.of("大阪府", "大阪市西区", "西本町２丁目５番１０号"),
      List.of("京都府", "京都市中京区", "烏丸通二条下ル二条殿町５３８"),
      List.of("沖縄県", "中頭郡北谷町", "字上勢頭８０４番地"));

  private final String[] posted = POSTED.toArray(String[]::new);
  private final String[] prefectures = MASTER.stream().map(row -> row.get(0)).toArray(String[]::new);
  private final String[] cities = MASTER.stream().map(row -> row.get(1)).toArray(String[]::new);
  private final String[] streets = MASTER.stream().map(row -> row.get(2)).toArray(String[]::new);

  @Benchmark
  @OperationsPerInvocation(8)
  public void parse(Blackhole blackhole) {
    for (String address : posted) {
      blackhole.consume(Address.parse(address));
    }
  }

  @Benchmark
  @OperationsPerInvocation(8)
  public void ofMaster(Blackhole blackhole) {
    for (int i = 0; i < prefectures.length; i++) {
      blackhole.consume(Address.ofMaster(prefectures[i], cities[i], streets[i]));
    }
  }
}
