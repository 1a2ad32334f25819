package dev.nayose.eval;

import dev.nayose.contracts.Decision;
import java.util.Objects;

/**
 * What one system decided for one posting: {@code companyId} is the linked company for
 * {@code MATCHED}, the best candidate for {@code REVIEW}, {@code null} for {@code UNMATCHED};
 * {@code officeId} is the office of that company the posting was placed at, {@code null} for the
 * head office or when the system does not tell offices apart; {@code score} in [0, 1].
 */
public record PostingDecision(String postingId, Decision decision, String companyId, String officeId, double score) {
  public PostingDecision {
    Objects.requireNonNull(postingId, "postingId");
    Objects.requireNonNull(decision, "decision");
    if (decision == Decision.MATCHED && companyId == null) {
      throw new IllegalArgumentException("a MATCHED decision names its company: " + postingId);
    }
    if (officeId != null && companyId == null) {
      throw new IllegalArgumentException("an office without its company: " + postingId);
    }
  }

  /** A decision that names no office. */
  public PostingDecision(String postingId, Decision decision, String companyId, double score) {
    this(postingId, decision, companyId, null, score);
  }
}
