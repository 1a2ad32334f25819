package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  @ParameterizedTest(name = "{0} -> {1} {2} / {3} / {4}")
  @CsvSource(delimiter = '|', textBlock = """
      # the master's own forms, full-width, with the prefecture
      東京都港区赤坂７丁目１１番１２号                 | TOKYO     | 港区             | 赤坂               | 7-11-12
      東京都港区赤坂７丁目１１番１２－６０１号         | TOKYO     | 港区             | 赤坂               | 7-11-12-601
      東京都千代田区外神田４丁目９番２号               | TOKYO     | 千代田区         | 外神田             | 4-9-2
      東京都日野市平山２丁目２０番地の１３             | TOKYO     | 日野市           | 平山               | 2-20-13
      東京都新宿区市谷本村町５番１号                   | TOKYO     | 新宿区           | 市谷本村町         | 5-1
      千葉県千葉市稲毛区宮野木町１７２２番地           | CHIBA     | 千葉市稲毛区     | 宮野木町           | 1722
      神奈川県横浜市神奈川区旭ケ丘１９－６             | KANAGAWA  | 横浜市神奈川区   | 旭ケ丘             | 19-6
      愛知県名古屋市中村区名駅１丁目                   | AICHI     | 名古屋市中村区   | 名駅               | 1
      # kanji numerals that name a town stay in it (一条, 二条); 一 of 一番町 and 十 of 麻布十番 too
      北海道上川郡清水町御影東一条２丁目１番地         | HOKKAIDO  | 上川郡清水町     | 御影東一条         | 2-1
      北海道札幌市豊平区月寒東二条１９丁目             | HOKKAIDO  | 札幌市豊平区     | 月寒東二条         | 19
      東京都千代田区一番町１０番地                     | TOKYO     | 千代田区         | 一番町             | 10
      東京都港区麻布十番２丁目３－４                   | TOKYO     | 港区             | 麻布十番           | 2-3-4
      東京都港区麻布十番二丁目三－四                   | TOKYO     | 港区             | 麻布十番           | 2-3-4
      東京都中央区八丁堀１丁目                         | TOKYO     | 中央区           | 八丁堀             | 1
      京都府京都市中京区烏丸通二条下ル二条殿町５３８   | KYOTO     | 京都市中京区     | 烏丸通二条下ル二条殿町 | 538
      # a number before 条 belongs to the town and is written in kanji, as the master writes it
      北海道札幌市中央区北1条西2丁目1-1                | HOKKAIDO  | 札幌市中央区     | 北一条西           | 2-1-1
      北海道札幌市中央区南１２条西３丁目               | HOKKAIDO  | 札幌市中央区     | 南十二条西         | 3
      北海道札幌市中央区南一〇条西三丁目               | HOKKAIDO  | 札幌市中央区     | 南十条西           | 3
      岩手県岩手郡雫石町長山第1地割3番地               | IWATE     | 岩手郡雫石町     | 長山第一地割       | 3
      # districts, 大字 and 字 kept
      山形県西村山郡河北町谷地                         | YAMAGATA  | 西村山郡河北町   | 谷地               |
      沖縄県中頭郡北谷町字上勢頭８０４番地             | OKINAWA   | 中頭郡北谷町     | 字上勢頭           | 804
      佐賀県杵島郡大町町大字大町                       | SAGA      | 杵島郡大町町     | 大字大町           |
      # the prefecture left out
      港区赤坂1-2-3                                    |           | 港区             | 赤坂               | 1-2-3
      日野市平山2丁目                                  |           | 日野市           | 平山               | 2
      上川郡清水町御影東一条2丁目1番地                 |           | 上川郡清水町     | 御影東一条         | 2-1
      鎌ヶ谷市道野辺本町1-2-3                          |           | 鎌ケ谷市         | 道野辺本町         | 1-2-3
      中央区銀座４－６－１６                           |           | 中央区           | 銀座               | 4-6-16
      # a designated city at the start names its prefecture; a short name before a municipality too
      大阪市西区西本町2-5-10                           | OSAKA     | 大阪市西区       | 西本町             | 2-5-10
      横浜市中区山下町１番地                           | KANAGAWA  | 横浜市中区       | 山下町             | 1
      東京港区六本木6-10-1六本木ヒルズ森タワー         | TOKYO     | 港区             | 六本木             | 6-10-1
      大阪大阪市北区梅田1丁目1番3-1700号              | OSAKA     | 大阪市北区       | 梅田               | 1-1-3-1700
      # kanji numerals, digit by digit and positional
      東京都港区赤坂一丁目二番三号                     | TOKYO     | 港区             | 赤坂               | 1-2-3
      東京都港区赤坂七丁目一一番一二号                 | TOKYO     | 港区             | 赤坂               | 7-11-12
      東京都港区赤坂七丁目11番12-601号                 | TOKYO     | 港区             | 赤坂               | 7-11-12-601
      東京都日野市平山二丁目二〇番地の一三             | TOKYO     | 日野市           | 平山               | 2-20-13
      東京都日野市平山二丁目二十番地の十三             | TOKYO     | 日野市           | 平山               | 2-20-13
      千葉県千葉市稲毛区宮野木町一七二二番地           | CHIBA     | 千葉市稲毛区     | 宮野木町           | 1722
      千葉県千葉市稲毛区宮野木町千七百二十二番地       | CHIBA     | 千葉市稲毛区     | 宮野木町           | 1722
      千葉県千葉市稲毛区宮野木町百五番地               | CHIBA     | 千葉市稲毛区     | 宮野木町           | 105
      神奈川県横浜市神奈川区旭ケ丘一九－六ハイツ5F     | KANAGAWA  | 横浜市神奈川区   | 旭ケ丘             | 19-6
      神奈川県横浜市神奈川区旭ケ丘一九－六第一ビル3F   | KANAGAWA  | 横浜市神奈川区   | 旭ケ丘             | 19-6
      京都府京都市中京区烏丸通二条下ル二条殿町五三八   | KYOTO     | 京都市中京区     | 烏丸通二条下ル二条殿町 | 538
      # hyphens for 丁目・番地・号, buildings, floors and rooms after the house number
      港区赤坂1－2－3 第一ビル5F                       |           | 港区             | 赤坂               | 1-2-3
      東京都新宿区西新宿2-8-1センタービル3F            | TOKYO     | 新宿区           | 西新宿             | 2-8-1
      渋谷区道玄坂１－２－３　ハイツ５Ｆ               |           | 渋谷区           | 道玄坂             | 1-2-3
      愛知県名古屋市中村区名駅1-1-4 駅前ビル２階       | AICHI     | 名古屋市中村区   | 名駅               | 1-1-4
      京都府京都市伏見区中島中道町１１０番地２Ｆ       | KYOTO     | 京都市伏見区     | 中島中道町         | 110
      中央区銀座4-6-16 601号室                         |           | 中央区           | 銀座               | 4-6-16
      中央区銀座4-6-16-601号室                         |           | 中央区           | 銀座               | 4-6-16
      東京都新宿区西新宿２丁目８番１号　Ｂ１Ｆ         | TOKYO     | 新宿区           | 西新宿             | 2-8-1
      大阪府大阪市西区西本町2丁目5番10-411号           | OSAKA     | 大阪市西区       | 西本町             | 2-5-10-411
      # a kanji word after an ASCII house number is a building (三井), not a number
      東京都中央区日本橋室町2丁目三井タワー            | TOKYO     | 中央区           | 日本橋室町         | 2
      # at most four numbers
      港区赤坂1-2-3-4-5                                |           | 港区             | 赤坂               | 1-2-3-4
      # a postal code and spaces before the address
      〒100-0005 東京都千代田区丸の内1-1               | TOKYO     | 千代田区         | 丸の内             | 1-1
      １００－０００５　東京都　千代田区丸の内一丁目   | TOKYO     | 千代田区         | 丸の内             | 1
      〒100 0005 千代田区丸の内1丁目1番1号             |           | 千代田区         | 丸の内             | 1-1-1
      # a note in brackets is not part of the town
      港区赤坂(赤坂見附駅から徒歩5分)                 |           | 港区             | 赤坂               |
      港区赤坂１－２－３（赤坂ビル）                   |           | 港区             | 赤坂               | 1-2-3
      # no municipality that can be read without a prefecture
      宮崎2丁目                                        |           |                  | 宮崎               | 2
      本町1-2-3                                        |           |                  | 本町               | 1-2-3
      在宅勤務                                         |           |                  | 在宅勤務           |
      1-2-3                                            |           |                  |                    | 1-2-3
      # a prefecture alone
      東京都                                           | TOKYO     |                  |                    |
      """)
  void takesAnAddressApart(String address, Prefecture prefecture, String city, String town, String block) {
    assertThat(Address.parse(address)).isEqualTo(new Address(prefecture, city, town, block));
  }

  @ParameterizedTest(name = "1{0}2{0}3")
  @ValueSource(strings = {"-", "－", "‐", "‑", "−", "ー", "ｰ", "─", "—", "―", "–"})
  void everyDashSeparatesNumbers(String dash) {
    Address address = Address.parse("東京都港区赤坂1" + dash + "2" + dash + "3");

    assertThat(address.town()).isEqualTo("赤坂");
    assertThat(address.block()).isEqualTo("1-2-3");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"センタービル3F", "ハイツ5F", "駅前ビル２階", " 3F", "-5F", "　２Ｆ", " B1F", "-601号室",
      " 601号室", " 3階", "A棟", "（本社）", "第一ビル", "　第一ビル５Ｆ"})
  void dropsWhatFollowsTheHouseNumber(String suffix) {
    assertThat(Address.parse("東京都港区赤坂1-2-3" + suffix).block()).isEqualTo("1-2-3");
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "　", "〒100-0005"})
  void readsNothingFromNothing(String address) {
    assertThat(Address.parse(address)).isEqualTo(new Address(null, null, null, null));
  }

  @ParameterizedTest(name = "{0} + {1} + {2}")
  @CsvSource(delimiter = '|', textBlock = """
      東京都   | 港区             | 赤坂７丁目１１番１２号
      東京都   | 千代田区         | 外神田４丁目９番２号
      東京都   | 日野市           | 平山２丁目２０番地の１３
      東京都   | 新宿区           | 市谷本村町５番１号
      東京都   | 町田市           | 原町田６丁目
      東京都   | 千代田区         | 一番町１０番地
      東京都   | 港区             | 麻布十番２丁目３番４号
      東京都   | 大島町           | 元町１丁目
      北海道   | 上川郡清水町     | 御影東一条２丁目１番地
      北海道   | 札幌市豊平区     | 月寒東二条１９丁目
      北海道   | 札幌市中央区     | 北一条西２丁目
      北海道   | 余市郡余市町     | 黒川町
      神奈川県 | 横浜市神奈川区   | 旭ケ丘１９－６
      大阪府   | 大阪市西区       | 西本町２丁目５番１０号
      大阪府   | 大阪狭山市       | 池尻中
      京都府   | 京都市伏見区     | 中島中道町１１０番地
      京都府   | 京都市中京区     | 烏丸通二条下ル二条殿町５３８
      千葉県   | 千葉市稲毛区     | 宮野木町１７２２番地
      千葉県   | 鎌ケ谷市         | 道野辺
      山形県   | 西村山郡河北町   | 谷地
      沖縄県   | 中頭郡北谷町     | 字上勢頭８０４番地
      三重県   | 四日市市         | 諏訪町１番５号
      奈良県   | 大和郡山市       | 北郡山町２４８番地
      富山県   | 中新川郡上市町   | 法音寺
      佐賀県   | 杵島郡大町町     | 大字大町
      長野県   | 大町市           | 大町１丁目
      福岡県   | 北九州市小倉北区 | 浅野１丁目１番１号
      """)
  void readsTheMastersColumnsAsTheAddressInOneLine(String prefecture, String city, String street) {
    assertThat(Address.ofMaster(prefecture, city, street)).isEqualTo(Address.parse(prefecture + city + street));
  }

  @Test
  void readsTheMastersColumns() {
    assertThat(Address.ofMaster("東京都", "港区", "赤坂７丁目１１番１２号"))
        .isEqualTo(new Address(Prefecture.TOKYO, "港区", "赤坂", "7-11-12"));
    assertThat(Address.ofMaster("千葉県", "鎌ヶ谷市", "道野辺本町１丁目２番３号"))
        .isEqualTo(new Address(Prefecture.CHIBA, "鎌ケ谷市", "道野辺本町", "1-2-3"));
    assertThat(Address.ofMaster("大阪府", "大阪市　西区", " 西本町２丁目５番１０号 "))
        .isEqualTo(new Address(Prefecture.OSAKA, "大阪市西区", "西本町", "2-5-10"));
    assertThat(Address.ofMaster(null, " ", null)).isEqualTo(new Address(null, null, null, null));
  }

  /** The forms the evaluation's noise writes a master address in all meet the master's own. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "東京都港区赤坂７丁目１１番１２号", "東京都港区赤坂7丁目11番12号", "港区赤坂７丁目１１番１２号",
      "港区赤坂７－１１－１２", "東京都港区赤坂7-11-12", "港区赤坂七丁目一一番一二号", "東京都港区赤坂七丁目一一番一二号",
      "港区赤坂７丁目１１番１２号センタービル3F", "港区赤坂７丁目１１番１２号 スカイタワー7F",
      "港区赤坂７－１１－１２　駅前ビル2F", "東京都港区赤坂七丁目一一番一二号第一ビル9F", "港区赤坂7-11-12ハイツ5F"})
  void partnersFormsMeetTheMastersTownAndBlock(String written) {
    Address master = Address.ofMaster("東京都", "港区", "赤坂７丁目１１番１２号");
    Address posted = Address.parse(written);

    assertThat(posted.city()).isEqualTo(master.city());
    assertThat(posted.town()).isEqualTo(master.town());
    assertThat(posted.block()).isEqualTo(master.block());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"東京都港区赤坂７丁目１１番１２－６０１号", "北海道上川郡清水町御影東一条２丁目１番地",
      "神奈川県横浜市神奈川区旭ケ丘１９－６", "京都府京都市伏見区中島中道町１１０番地２Ｆ", "東京都新宿区市谷本村町５番１号",
      "奈良県大和郡山市北郡山町２４８番地", "佐賀県杵島郡大町町大字大町", "千葉県鎌ヶ谷市道野辺", "〒100-0005 東京都千代田区丸の内1-1",
      "東京港区六本木", "大阪大阪市北区梅田", "横浜市中区山下町", "大阪狭山市池尻中", "京都市", "東京都23区内",
      "港区六本木", "日野市平山２丁目", "在宅勤務"})
  void hasThePlacePlaceReads(String address) {
    assertThat(Address.parse(address).place()).isEqualTo(Place.parse(address));
  }

  @Test
  void placeHasNoCityWithoutAPrefecture() {
    Address address = Address.parse("港区赤坂1-2-3");

    assertThat(address.city()).isEqualTo("港区");
    assertThat(address.place()).isEqualTo(Place.UNKNOWN);
  }

  @Test
  void readsNoCityFromPunctuatedText() {
    // Place.city reads 勤務地:港区 as a ward; without a prefecture that is not trusted
    assertThat(Address.parse("勤務地:港区赤坂1-2-3").city()).isNull();
  }
}
