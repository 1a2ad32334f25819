package dev.nayose.load.domain;

import dev.nayose.contracts.Decision;
import dev.nayose.contracts.Evidence;
import dev.nayose.contracts.JobPosting;
import dev.nayose.contracts.MatchedPosting;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the {@code posting} table: a partner's posting, the matcher's decision about it and
 * the chunk it was loaded from, with the master version it was matched against (null: before master
 * versions). Keyed by {@code (partnerId, postingId)}: a posting sent again in a
 * later upload replaces its row. The decision invariants are {@link MatchedPosting}'s.
 */
public record PostingRow(
    String partnerId,
    UUID uploadId,
    int chunkIndex,
    String matcherVersion,
    Long masterVersion,
    JobPosting posting,
    Decision decision,
    String companyId,
    String officeId,
    double score,
    List<Evidence> reasons) {

  public PostingRow {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(uploadId, "uploadId");
    Objects.requireNonNull(matcherVersion, "matcherVersion");
    Objects.requireNonNull(posting, "posting");
    Objects.requireNonNull(decision, "decision");
    reasons = List.copyOf(reasons);
  }

  static PostingRow of(String partnerId, UUID uploadId, int chunkIndex, String matcherVersion, Long masterVersion,
      MatchedPosting matched) {
    return new PostingRow(partnerId, uploadId, chunkIndex, matcherVersion, masterVersion, matched.posting(),
        matched.decision(),
        matched.companyId(), matched.officeId(), matched.score(), matched.reasons());
  }

  public String postingId() {
    return posting.postingId();
  }

  public long rowNumber() {
    return posting.rowNumber();
  }

  /** A person decides: the posting belongs in {@code review_item}, with its best candidate. */
  public boolean needsReview() {
    return decision == Decision.REVIEW;
  }
}
