package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNameNormaliserTest {
  private final CompanyNameNormaliser normaliser = new CompanyNameNormaliser();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # NFKC: ㈱ is (株), full-width Latin is ASCII, then the legal form goes
      ㈱ＭＣＡホールディングス                 | MCAホールディングス
      株式会社 東京増田医療器                  | 東京増田医療器
      東京増田医療器(株)                       | 東京増田医療器
      東京増田医療器（株）                     | 東京増田医療器
      東京増田医療器 （ 株 ）                  | 東京増田医療器
      ㍿メディア                               | メディア
      メディア美装 (株)                        | メディア美装
      # U+3000 ideographic space
      有限会社　山田商店                       | 山田商店
      (有)山田商店                             | 山田商店
      ㈲山田商店                               | 山田商店
      マサキ(同)                               | マサキ
      合同会社マサキ                           | マサキ
      合資会社 丸一                            | 丸一
      (資)丸一                                 | 丸一
      合名会社 丸一                            | 丸一
      (名)丸一                                 | 丸一
      一般社団法人ボヌール                     | ボヌール
      (一社)ボヌール                           | ボヌール
      一般財団法人 日本文化                    | 日本文化
      (一財)日本文化                           | 日本文化
      公益社団法人 日本看護協会                | 日本看護協会
      公益財団法人 日本体育協会                | 日本体育協会
      医療法人 さくら会                        | サクラ会
      (医)さくら会                             | サクラ会
      # the longer form first: 社団 must not stay behind
      医療法人社団 さくら会                    | サクラ会
      社会福祉法人 みどり福祉会                | ミドリ福祉会
      (福)みどり福祉会                         | ミドリ福祉会
      学校法人 青山学院                        | 青山学院
      (学)青山学院                             | 青山学院
      特定非営利活動法人 フローレンス          | フローレンス
      NPO法人フローレンス                      | フローレンス
      ＮＰＯ法人フローレンス                   | フローレンス
      # the legal form in the middle
      丸山株式会社商事                         | 丸山商事
      # width, spaces and case
      ＢＥＬＬ　ＢＲＯＳ（株）                 | BELLBROS
      Ｈ．Ｔ．Ｃ（株）                         | HTC
      (株) ｉｎｔｈｅｔａｉｌ                  | INTHETAIL
      Fupasesica (株)                          | FUPASESICA
      株式会社ＵＮＯ　Ｍａｍｙ                 | UNOMAMY
      ｻﾝﾌﾟﾙ株式会社                            | サンプル
      # middle dots
      ヤマト・ホールディングス株式会社         | ヤマトホールディングス
      ヤマト･ホールディングス株式会社          | ヤマトホールディングス
      # Latin legal forms at the end only
      Sony Group Corporation                   | SONYGROUP
      Example Co., Ltd.                        | EXAMPLE
      Example Co.,Ltd.                         | EXAMPLE
      "Acme, Inc."                             | ACME
      Prince Hotels                            | PRINCEHOTELS
      Sinc Ltd                                 | SINC
      # branch designations set apart from the name
      TK6(株) 大阪営業所                       | TK6
      TK6(株)大阪営業所                        | TK6
      アプレイザル福岡 (株) 新宿支店           | アプレイザル福岡
      株式会社 ＳＨＲホテルズ 新宿支店         | SHRホテルズ
      ヤマト運輸 新宿支店                      | ヤマト運輸
      レナ(株) 本社                            | レナ
      # companies with such names keep them
      株式会社東京支店                         | 東京支店
      株式会社 東京支店                        | 東京支店
      東京センター株式会社                     | 東京センター
      # old and variant kanji, dashes and long vowels, hiragana, punctuation (NameFolding)
      髙橋建設株式会社                         | 高橋建設
      (有)山﨑工務店                           | 山崎工務店
      齋藤商事(株)                             | 斎藤商事
      渡邊運輸㈱                               | 渡辺運輸
      濵田サ－ビス(株)                         | 浜田サービス
      サ-ビス・ワン(株)                        | サービスワン
      さくら薬局(株)                           | サクラ薬局
      株式会社「未来」                         | 未来
      # a shop's 店 is part of the name, a branch's is not
      山田商店(株) 新宿店                      | 山田商店
      株式会社 丸善書店                        | 丸善書店
      # nothing but a legal form
      株式会社                                 | ""
      (株)                                     | ""
      """)
  void normalisesAsWorkedOutByHand(String name, String expected) {
    assertThat(normaliser.normalise(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1} {2} {3}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      ㈱ＭＣＡホールディングス        | MCAホールディングス | KABUSHIKI      | -
      山田商店(有)                    | 山田商店            | YUGEN          | -
      マサキ（同）                    | マサキ              | GODO           | -
      医療法人社団 さくら会           | サクラ会            | IRYO           | -
      (医)さくら会                    | サクラ会            | IRYO           | -
      一般社団法人ボヌール            | ボヌール            | IPPAN_SHADAN   | -
      TK6(株) 大阪営業所              | TK6                 | KABUSHIKI      | 大阪営業所
      ヤマト運輸 新宿支店             | ヤマト運輸          | -              | 新宿支店
      Sony Group Corporation          | SONYGROUP           | -              | -
      """)
  void takesTheLegalFormAndBranchApart(String name, String key, LegalForm form, String branch) {
    assertThat(normaliser.parse(name))
        .isEqualTo(new CompanyNameNormaliser.CompanyName(key, form, branch));
  }
}
