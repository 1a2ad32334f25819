package dev.nayose.matcher;

import dev.nayose.master.CompaniesCsvReader;
import dev.nayose.master.Company;
import dev.nayose.master.FormerName;
import dev.nayose.master.Office;
import dev.nayose.master.OfficesCsvReader;
import dev.nayose.master.SyntheticMasterWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A master for tests: hand-made companies that exercise each rule of the matcher (real corporate
 * numbers of the sample data; made-up companies with ids {@code C-…}), among 2,000 synthetic
 * companies ({@code C0000001…}, {@link SyntheticMasterWriter} seed 7) so that value frequencies —
 * and therefore weights — are those of a master rather than of a dozen rows.
 */
public final class SmallMaster {
  /** Hand-made companies in ascending id order. */
  static final List<Company> COMPANIES = List.of(
      company("1010001097199", "1010001097199", "株式会社ＭＣＡホールディングス", "東京都", "千代田区", "外神田４丁目９番２号", "1010021", null, null),
      company("6290001011409", "6290001011409", "株式会社アプレイザル福岡", "福岡県", "福岡市中央区", "天神１丁目１番１号", "8100001", "092-111-2222", null),
      company("8430001032628", "8430001032628", "ＴＫ６株式会社", "北海道", "札幌市中央区", "北一条西２丁目１番地", "0600001", null, null),
      company("9013401005566", "9013401005566", "株式会社メディア美装", "東京都", "港区", "赤坂７丁目１１番１２号", "1070052", "03-3583-0001", "https://www.media-biso.co.jp"),
      company("C-0001", null, "株式会社さくら商事", "東京都", "港区", "六本木１丁目１番１号", "1060032", "03-1111-2222", null),
      company("C-0002", null, "さくら商事株式会社", "東京都", "八王子市", "明神町１丁目２番３号", "1920046", "042-111-2222", null),
      company("C-0003", null, "さくら商事有限会社", "大阪府", "大阪市西区", "西本町２丁目５番１０号", "5500005", "06-1111-2222", null),
      company("C-0010", null, "株式会社新名前", "愛知県", "名古屋市中村区", "名駅１丁目１番４号", "4500002", null, null,
          new FormerName("株式会社旧名前", LocalDate.of(2020, 4, 1))),
      new Company("C-0020", null, "株式会社閉店商会", null, "東京都", "港区", "芝公園４丁目２番８号", "1050011", null, null,
          null, LocalDate.of(2022, 3, 31), "01", List.of()),
      company("C-0030", null, "ユニーク工業株式会社", "静岡県", "静岡市葵区", "追手町９番６号", "4208601", "054-221-1111", null),
      company("C-0040", null, "株式会社支店持ち", "東京都", "中央区", "銀座１丁目２番３号", "1040061", "03-2222-3333", null),
      company("C-0050", null, "有限会社イーグル", "東京都", "新宿区", "西新宿１丁目１番１号", "1600023", null, null));

  static final List<Office> OFFICES = List.of(
      new Office("OF-6290001011409-1", "6290001011409", "東京支店", "東京都", "新宿区", "西新宿２丁目８番１号", "1638001", "03-5321-1111"),
      new Office("OF-C-0040-1", "C-0040", "大阪支店", "大阪府", "大阪市西区", "靱本町１丁目１１番７号", "5500004", "06-3333-4444"),
      new Office("OF-C-0040-2", "C-0040", "堺工場", "大阪府", "堺市堺区", "南瓦町３番１号", "5900078", null));

  private static MasterIndex built;

  private SmallMaster() {}

  /** The index, built once per test JVM (it is immutable). */
  public static synchronized MasterIndex index() {
    if (built == null) {
      built = newIndex();
    }
    return built;
  }

  /** A new index of the same companies and offices as {@link #index()}. */
  public static MasterIndex newIndex() {
    return newIndex(List.of());
  }

  /** A new index of the companies and offices of {@link #index()} and {@code extra} companies. */
  public static MasterIndex newIndex(List<Company> extra) {
    List<Company> companies = new ArrayList<>(COMPANIES);
    companies.addAll(extra);
    List<Office> offices = new ArrayList<>(OFFICES);
    try {
      Path dir = Files.createTempDirectory("small-master");
      Path companiesCsv = dir.resolve("companies.csv");
      Path officesCsv = dir.resolve("offices.csv");
      new SyntheticMasterWriter(7).write(companiesCsv, officesCsv, 2_000);
      CompaniesCsvReader.read(companiesCsv, (row, company) -> companies.add(company));
      OfficesCsvReader.read(officesCsv, (row, office) -> offices.add(office));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return MasterIndexFactory.of(companies, offices);
  }

  public static Company company(String id, String number, String name, String prefecture, String city, String street,
      String postalCode, String phone, String website, FormerName... former) {
    return new Company(id, number, name, null, prefecture, city, street, postalCode, phone, website, null, null, null,
        List.of(former));
  }
}
