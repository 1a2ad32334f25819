package dev.nayose.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.contracts.JobPosting;
import dev.nayose.master.Company;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticPostingsTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      株式会社山田商事               | 山田商事株式会社
      山田商事株式会社               | 株式会社山田商事
      有限会社サクラ工務店           | サクラ工務店有限会社
      ＡＢＣ物流合同会社             | 合同会社ＡＢＣ物流
      医療法人社団東京クリニック     | 東京クリニック医療法人社団
      特定非営利活動法人ミライ介護サービス | ミライ介護サービス特定非営利活動法人
      # a name that is only a legal form, or has none, stays as it is
      株式会社                       | 株式会社
      ヤマト運輸                     | ヤマト運輸
      """)
  void movesTheLegalFormToTheOtherEnd(String name, String expected) {
    assertThat(SyntheticPostings.withLegalFormMoved(name)).isEqualTo(expected);
  }

  @Test
  void writesThePostingFromTheCompany() {
    Company company = new Company("C0000042", null, "株式会社田中建設", "タナカケンセツ", "東京都", "港区",
        "赤坂７丁目１１番１２号", "1070052", "03-1234-5678", null, null, null, null, List.of());

    JobPosting posting = SyntheticPostings.of(company, 7);

    assertThat(posting.rowNumber()).isEqualTo(7);
    assertThat(posting.postingId()).isEqualTo("P7");
    assertThat(posting.companyName()).isEqualTo("田中建設株式会社");
    assertThat(posting.address()).isEqualTo("東京都港区赤坂７丁目１１番１２号");
    assertThat(posting.phone()).isEqualTo("03-1234-5678");
    assertThat(posting.corporateNumber()).isNull();
  }
}
