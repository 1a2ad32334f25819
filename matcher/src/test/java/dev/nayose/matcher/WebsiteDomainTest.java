package dev.nayose.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebsiteDomainTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      https://www.Example.co.jp/recruit?x=1        | example.co.jp
      example.co.jp                                | example.co.jp
      http://example.com:8080                      | example.com
      ＷＷＷ．ＥＸＡＭＰＬＥ．ＣＯ．ＪＰ           | example.co.jp
      ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ／       | example.jp
      HTTPS://EXAMPLE.JP                           | example.jp
      '  https://example.jp  '                     | example.jp
      https://example.jp?x=1                       | example.jp
      https://example.jp#about                     | example.jp
      example.co.jp/company/about.html             | example.co.jp
      www.example.co.jp:443/path                   | example.co.jp
      //example.co.jp/                             | example.co.jp
      http://example.co.jp./                       | example.co.jp
      https://user:secret@example.co.jp/           | example.co.jp
      https://recruit.example.co.jp/jobs           | recruit.example.co.jp
      https://www.recruit.example.co.jp            | recruit.example.co.jp
      example。co。jp                              | example.co.jp
      info@example.co.jp                           | example.co.jp
      mailto:info@example.co.jp                    | example.co.jp
      https://日本語.jp/                           | 日本語.jp
      # only the first www goes, and only as a whole label
      https://www2.example.jp                      | www2.example.jp
      https://wwwexample.jp                        | wwwexample.jp
      # not a shared host: only whole labels count
      https://box.com                              | box.com
      https://myindeed.com                         | myindeed.com
      https://facebook.com.example.jp              | facebook.com.example.jp
      https://google.co.jp                         | google.co.jp
      """)
  void findsTheHost(String raw, String expected) {
    assertThat(WebsiteDomain.of(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "なし", "localhost", "http://localhost:8080/", "https://", "http://", "www.",
      "exa mple.com", "https://example .co.jp/", "example..co.jp", ".example.jp", "https://com"})
  void refusesWhatIsNotAHost(String raw) {
    assertThat(WebsiteDomain.of(raw)).isNull();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"indeed.com", "https://jp.indeed.com/viewjob?jk=1", "https://www.townwork.net/detail/1",
      "https://employment.en-japan.com/desc_1/", "https://doda.jp/DodaFront/View/JobSearchDetail/j_jid__1/",
      "https://tenshoku.mynavi.jp/jobinfo-1/", "https://job.rikunabi.com/2025/company/r1/",
      "https://www.baitoru.com/kanto/jlist/", "https://www.facebook.com/example", "instagram.com/example",
      "https://x.com/example", "https://twitter.com/example", "https://www.linkedin.com/company/example",
      "https://example.wixsite.com/home", "https://example.jimdofree.com", "http://example.fc2.com",
      "https://ameblo.jp/example", "https://sites.google.com/view/example", "https://www.google.com/maps",
      "someone@gmail.com", "https://www.yahoo.co.jp", "https://shopping.yahoo.co.jp/store",
      "ＨＴＴＰＳ：／／ＪＰ．ＩＮＤＥＥＤ．ＣＯＭ"})
  void refusesSharedHosts(String raw) {
    assertThat(WebsiteDomain.of(raw)).isNull();
  }
}
