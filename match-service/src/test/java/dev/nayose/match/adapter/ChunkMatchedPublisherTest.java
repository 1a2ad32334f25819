package dev.nayose.match.adapter;

import static dev.nayose.matcher.Postings.posting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.JobPosting;
import dev.nayose.match.adapter.out.sqs.ChunkMatchedPublisher;
import dev.nayose.matcher.MatchModel;
import dev.nayose.matcher.ScoringMatchEngine;
import dev.nayose.matcher.MatcherSettings;
import dev.nayose.matcher.SmallMaster;
import dev.nayose.platform.queue.MessagePublisher;
import dev.nayose.platform.stage.PoisonMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChunkMatchedPublisherTest {
  private final JsonMapper json = JsonMapper.builder().build();
  // sizes are measured without SQS; nothing here may reach the client
  private final MessagePublisher publisher = new MessagePublisher(null, json);
  private final ScoringMatchEngine engine =
      new ScoringMatchEngine(SmallMaster.index(), MatchModel.defaults(), MatcherSettings.defaults());

  @Test
  void aFullChunkOfLongPostingsStaysWellUnderTheQueueLimit() {
    ChunkMatched matched = matchedChunk(ChunkSplit.MAX_POSTINGS);
    int splitSize = publisher.sizeOf(ChunkSplit.of(matched.uploadId(), "acme", 0, 1,
        matched.postings().stream().map(m -> m.posting()).toList()));

    // the split stage sends at most 160 KiB per chunk; this one is larger, the evidence adds to it
    assertThat(splitSize).isGreaterThan(160 * 1024);
    assertThat(publisher.sizeOf(matched)).isLessThan(1_048_576);
  }

  @Test
  void aMatchedChunkOverTheLimitIsPoisonNotRetried() {
    ChunkMatched matched = matchedChunk(10);
    int size = publisher.sizeOf(matched);
    var limited = new ChunkMatchedPublisher(publisher, "nayose-matched", size - 1);

    assertThatThrownBy(() -> limited.publish(matched))
        .isInstanceOf(PoisonMessageException.class)
        .hasMessageContaining(size + " bytes, over the limit of " + (size - 1));
  }

  /** Postings as long as the sample's, each matched with the most evidence the engine gives. */
  private ChunkMatched matchedChunk(int postings) {
    List<JobPosting> list = new ArrayList<>();
    for (int i = 0; i < postings; i++) {
      String[] names = {"(株)アプレイザル福岡 新宿支店", "さくら商事", "株式会社 支店持ち", "ＴＫ６（株）"};
      String[] numbers = {"6290001011409", "7020002058524", null, "1430001032628"};
      String[] addresses = {"東京都新宿区西新宿１丁目１番１号新宿センタービル３０階", "東京都港区六本木６丁目１０番１号",
          "大阪府大阪市西区西本町２丁目５番１０－４１１号", "北海道札幌市豊平区月寒東二条１９丁目２０番５２号"};
      int k = i % 4;
      list.add(new JobPosting(i + 2, "P" + (100_000 + i), names[k], null, numbers[k], "1600023", addresses[k],
          "03-1234-5678", null, "製造オペレーター", "パート・アルバイト", 3_600_000L, 5_600_000L, addresses[k], null,
          java.time.LocalDate.of(2026, 11, 10), "https://jobs.example.jp/P" + (100_000 + i)));
    }
    ChunkSplit split = ChunkSplit.of(UUID.randomUUID(), "acme", 0, 1, list);
    return ChunkMatched.of(split, engine.version(), 1, "match-1", engine.matchAll(list));
  }
}
