package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceTest {

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      # wards, cities, designated cities with their ward, districts with their town
      東京都港区赤坂７丁目１１番１２－６０１号       | TOKYO     | 港区
      東京都千代田区外神田４丁目９番２号             | TOKYO     | 千代田区
      東京都日野市平山２丁目２０番地の１３           | TOKYO     | 日野市
      北海道上川郡清水町御影東一条２丁目１番地       | HOKKAIDO  | 上川郡清水町
      神奈川県横浜市神奈川区旭ケ丘１９－６           | KANAGAWA  | 横浜市神奈川区
      大阪府大阪市西区西本町2丁目5番10-411号         | OSAKA     | 大阪市西区
      北海道札幌市豊平区月寒東二条１９丁目           | HOKKAIDO  | 札幌市豊平区
      京都府京都市伏見区中島中道町１１０番地２Ｆ     | KYOTO     | 京都市伏見区
      千葉県千葉市稲毛区宮野木町１７２２番地         | CHIBA     | 千葉市稲毛区
      愛知県名古屋市中村区名駅１丁目                 | AICHI     | 名古屋市中村区
      福岡県北九州市小倉北区浅野１丁目               | FUKUOKA   | 北九州市小倉北区
      山形県西村山郡河北町谷地                       | YAMAGATA  | 西村山郡河北町
      沖縄県中頭郡北谷町字上勢頭８０４番地           | OKINAWA   | 中頭郡北谷町
      # a 市 after a ward belongs to the street (新宿区市谷)
      東京都新宿区市谷本村町５番１号                 | TOKYO     | 新宿区
      # 町 or 村 inside a city's name
      東京都町田市原町田６丁目                       | TOKYO     | 町田市
      東京都東村山市本町１丁目                       | TOKYO     | 東村山市
      東京都武蔵村山市本町                           | TOKYO     | 武蔵村山市
      東京都羽村市栄町                               | TOKYO     | 羽村市
      長野県大町市大町１丁目                         | NAGANO    | 大町市
      新潟県十日町市本町                             | NIIGATA   | 十日町市
      # names ending in 市 themselves
      三重県四日市市諏訪町１番５号                   | MIE       | 四日市市
      広島県廿日市市下平良１丁目                     | HIROSHIMA | 廿日市市
      石川県野々市市三納                             | ISHIKAWA  | 野々市市
      # 郡 inside a city's name, and towns with 市 or a doubled 町
      奈良県大和郡山市北郡山町２４８番地             | NARA      | 大和郡山市
      福島県郡山市朝日１丁目                         | FUKUSHIMA | 郡山市
      岐阜県郡上市八幡町島谷                         | GIFU      | 郡上市
      北海道余市郡余市町黒川町                       | HOKKAIDO  | 余市郡余市町
      富山県中新川郡上市町法音寺                     | TOYAMA    | 中新川郡上市町
      佐賀県杵島郡大町町大字大町                     | SAGA      | 杵島郡大町町
      # a town without a district (Tokyo's islands)
      東京都大島町元町1丁目                          | TOKYO     | 大島町
      # small ヶ is written ケ, as the National Tax Agency does
      千葉県鎌ヶ谷市道野辺                           | CHIBA     | 鎌ケ谷市
      # a postal code before the address, full-width digits, spaces
      〒100-0005 東京都千代田区丸の内1-1             | TOKYO     | 千代田区
      １００－０００５　東京都　千代田区丸の内       | TOKYO     | 千代田区
      # the short name of the prefecture before a municipality
      東京港区六本木                                 | TOKYO     | 港区
      神奈川横浜市中区山下町                         | KANAGAWA  | 横浜市中区
      大阪大阪市北区梅田                             | OSAKA     | 大阪市北区
      # a designated city (or 大阪狭山市) at the start names its prefecture
      横浜市中区山下町                               | KANAGAWA  | 横浜市中区
      京都市中京区烏丸通                             | KYOTO     | 京都市中京区
      大阪狭山市池尻中                               | OSAKA     | 大阪狭山市
      大阪府大阪狭山市池尻中                         | OSAKA     | 大阪狭山市
      京都市                                         | KYOTO     | 京都市
      # a prefecture without a recognisable municipality
      東京都                                         | TOKYO     |
      東京都23区内                                   | TOKYO     |
      """)
  void findsPrefectureAndCity(String address, Prefecture prefecture, String city) {
    Place place = Place.parse(address);

    assertThat(place.prefecture()).isEqualTo(prefecture);
    assertThat(place.city()).isEqualTo(city);
  }

  @ParameterizedTest(name = "{0}")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "港区六本木", "日野市平山２丁目", "在宅勤務", "京都", "宮崎2丁目",
      // 宮城郡 is a district of 宮城県, but 宮城 + 郡 is not how the short form is used
      "宮城郡利府町", "福島町字福島"})
  void namesNoPrefectureWhenTheAddressDoesNotSay(String address) {
    assertThat(Place.parse(address)).isEqualTo(Place.UNKNOWN);
  }

  @Test
  void cityWithoutPrefectureIsRefused() {
    assertThatThrownBy(() -> new Place(null, "港区")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      大阪市西区     | 大阪市西区
      ' 鎌ヶ谷市 '   | 鎌ケ谷市
      上川郡　清水町 | 上川郡清水町
      ''             |
      """)
  void normalisesAMastersCityLikeAnAddress(String city, String expected) {
    assertThat(Place.normaliseCity(city)).isEqualTo(expected);
  }
}
