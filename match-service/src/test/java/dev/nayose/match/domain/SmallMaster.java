package dev.nayose.match.domain;

/**
 * A hand-made master for tests: real corporate numbers of the sample data, and made-up companies
 * (ids {@code C-…}, without corporate numbers) that exercise each rule of the matcher.
 */
public final class SmallMaster {
  private SmallMaster() {}

  public static MasterIndex index() {
    return builder().build();
  }

  /** The builder with every company, former name and office of {@link #index()} added. */
  public static MasterIndex.Builder builder() {
    // companies in ascending id order: digits sort before "C-"
    MasterIndex.Builder builder = MasterIndex.builder(new CompanyNameNormaliser())
        .addCompany("1010001097199", "1010001097199", "株式会社ＭＣＡホールディングス", "東京都", false)
        .addCompany("6290001011409", "6290001011409", "株式会社アプレイザル福岡", "福岡県", false)
        .addCompany("8430001032628", "8430001032628", "ＴＫ６株式会社", "北海道", false)
        .addCompany("9013401005566", "9013401005566", "株式会社メディア美装", "東京都", false)
        .addCompany("C-0001", null, "株式会社さくら商事", "東京都", false)
        .addCompany("C-0002", null, "さくら商事株式会社", "東京都", false)
        .addCompany("C-0003", null, "さくら商事有限会社", "大阪府", false)
        .addCompany("C-0010", null, "株式会社新名前", "愛知県", false)
        .addCompany("C-0020", null, "株式会社閉店商会", "東京都", true)
        .addCompany("C-0030", null, "ユニーク工業株式会社", "静岡県", false)
        .addCompany("C-0040", null, "株式会社支店持ち", "東京都", false);
    builder.addFormerName("C-0010", "株式会社旧名前");
    builder.addOffice("OF-6290001011409-1", "6290001011409", "東京都", "新宿区");
    builder.addOffice("OF-C-0040-1", "C-0040", "大阪府", "大阪市西区");
    builder.addOffice("OF-C-0040-2", "C-0040", "大阪府", "堺市堺区");
    return builder;
  }
}
