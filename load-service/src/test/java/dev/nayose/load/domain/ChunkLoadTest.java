package dev.nayose.load.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ContractFixtures;
import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkLoadTest {
  private static final UUID UPLOAD = UUID.fromString("0b9f3c2e-6a47-4d3c-9a51-2f7d8e1c4b10");

  /** A match worker that predates master versions: loaded, its master version unknown (null). */
  @Test
  void aMessageOfSchemaVersionOneLoadsWithoutAMasterVersion() {
    ChunkMatched message = ContractFixtures.mapper()
        .readValue(ContractFixtures.fixture("chunk-matched-v1.json"), ChunkMatched.class);

    ChunkLoad load = ChunkLoad.of(message);

    assertThat(load.masterVersion()).isNull();
    assertThat(load.rows()).hasSize(3).allSatisfy(row -> assertThat(row.masterVersion()).isNull());
  }

  @Test
  void mapsTheGoldenFixture() {
    ChunkMatched message = ContractFixtures.mapper()
        .readValue(ContractFixtures.fixture("chunk-matched.json"), ChunkMatched.class);

    ChunkLoad load = ChunkLoad.of(message);

    assertThat(load.uploadId()).isEqualTo(UPLOAD);
    assertThat(load.partnerId()).isEqualTo("acme-jobs");
    assertThat(load.chunkIndex()).isZero();
    assertThat(load.chunkCount()).isEqualTo(2);
    assertThat(load.matcherVersion()).isEqualTo("exact-1");
    assertThat(load.workerId()).isEqualTo("match-1@host-a");
    assertThat(load.masterVersion()).isEqualTo(3L);
    assertThat(load.rowsLoaded()).isEqualTo(3);
    assertThat(load.counts()).isEqualTo(new DecisionCounts(1, 1, 1));
    assertThat(load.rows()).extracting(PostingRow::postingId).containsExactly("J-1001", "J-1002", "J-1003");

    PostingRow review = load.rows().get(1);
    assertThat(review.partnerId()).isEqualTo("acme-jobs");
    assertThat(review.uploadId()).isEqualTo(UPLOAD);
    assertThat(review.chunkIndex()).isZero();
    assertThat(review.rowNumber()).isEqualTo(3);
    assertThat(review.matcherVersion()).isEqualTo("exact-1");
    assertThat(review.masterVersion()).isEqualTo(3L);
    assertThat(review.posting().companyName()).isEqualTo("株式会社 ＳＨＲホテルズ 新宿支店");
    assertThat(review.decision()).isEqualTo(Decision.REVIEW);
    assertThat(review.needsReview()).isTrue();
    assertThat(review.companyId()).isEqualTo("1010001144728");
    assertThat(review.officeId()).isEqualTo("O-1010001144728-02");
    assertThat(review.score()).isEqualTo(0.71);
    assertThat(review.reasons()).containsExactly(
        new Evidence("name", "SHRホテルズ", "SHRホテルズ", "EXACT", 9.5),
        new Evidence("prefecture", "東京都", "大阪府", "DIFFERENT", -4.25));

    assertThat(load.rows()).filteredOn(PostingRow::needsReview).extracting(PostingRow::postingId)
        .containsExactly("J-1002");
    assertThat(load.rows().get(2).companyId()).isNull();
    assertThat(load.rows().get(2).reasons()).isEmpty();
  }

  /** {@code postings}: id:decision in message order; {@code rows}: id:decision of the rows written, in order. */
  @ParameterizedTest(name = "{0} -> rows {1}")
  @CsvSource(delimiter = '|', textBlock = """
      A:MATCHED                          | A:MATCHED                  | 1 | 1 | 0 | 0
      C:UNMATCHED B:REVIEW A:MATCHED     | A:MATCHED B:REVIEW C:UNMATCHED | 3 | 1 | 1 | 1
      J-10:MATCHED J-9:MATCHED J-1:REVIEW | J-1:REVIEW J-10:MATCHED J-9:MATCHED | 3 | 2 | 1 | 0
      A:REVIEW B:UNMATCHED A:MATCHED     | A:MATCHED B:UNMATCHED      | 3 | 1 | 1 | 1
      A:MATCHED A:REVIEW                 | A:REVIEW                   | 2 | 1 | 1 | 0
      """)
  void writesOneRowPerPostingInPostingIdOrderAndCountsEveryRowOfTheFile(String postings, String rows,
      int rowsLoaded, int matched, int review, int unmatched) {
    List<MatchedPosting> matchedPostings = new ArrayList<>();
    long rowNumber = 2;
    for (String entry : postings.split(" ")) {
      String[] parts = entry.split(":");
      matchedPostings.add(posting(rowNumber++, parts[0], Decision.valueOf(parts[1])));
    }
    var message = new ChunkMatched(1, UPLOAD, "p", 3, 5, "exact-1", null, "w", matchedPostings);

    ChunkLoad load = ChunkLoad.of(message);

    assertThat(load.rows()).extracting(row -> row.postingId() + ":" + row.decision())
        .containsExactly(rows.split(" "));
    assertThat(load.rowsLoaded()).isEqualTo(rowsLoaded);
    assertThat(load.counts()).isEqualTo(new DecisionCounts(matched, review, unmatched));
    assertThat(load.rows()).allSatisfy(row -> {
      assertThat(row.uploadId()).isEqualTo(UPLOAD);
      assertThat(row.chunkIndex()).isEqualTo(3);
      assertThat(row.partnerId()).isEqualTo("p");
    });
  }

  @Test
  void theLaterOccurrenceOfARepeatedPostingWinsWithItsRowNumber() {
    var message = new ChunkMatched(1, UPLOAD, "p", 0, 1, "exact-1", null, "w",
        List.of(posting(2, "A", Decision.REVIEW), posting(3, "A", Decision.UNMATCHED)));

    assertThat(ChunkLoad.of(message).rows()).singleElement()
        .satisfies(row -> assertThat(row.rowNumber()).isEqualTo(3));
  }

  @Test
  void rejectsCountsThatDoNotAddUpToTheRows() {
    assertThatIllegalArgumentException().isThrownBy(() ->
        new ChunkLoad(UPLOAD, "p", 0, 1, "exact-1", 1L, "w", 2, new DecisionCounts(1, 0, 0), List.of()));
  }

  private static MatchedPosting posting(long rowNumber, String postingId, Decision decision) {
    var posting = new JobPosting(rowNumber, postingId, "会社" + postingId, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null);
    String companyId = decision == Decision.UNMATCHED ? null : "C-" + postingId;
    return new MatchedPosting(posting, decision, companyId, null, decision == Decision.UNMATCHED ? 0.0 : 0.9,
        List.of());
  }
}
