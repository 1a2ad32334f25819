package dev.nayose.eval;

import dev.nayose.contracts.Decision;
import java.util.Objects;

/**
 * What one system decided for one posting: {@code companyId} is the linked company for
 * {@code MATCHED}, the best candidate for {@code REVIEW}, {@code null} for {@code UNMATCHED};
 * {@code score} in [0, 1].
 */
public record PostingDecision(String postingId, Decision decision, String companyId, double score) {
  public PostingDecision {
    Objects.requireNonNull(postingId, "postingId");
    Objects.requireNonNull(decision, "decision");
    if (decision == Decision.MATCHED && companyId == null) {
      throw new IllegalArgumentException("a MATCHED decision names its company: " + postingId);
    }
  }
}
