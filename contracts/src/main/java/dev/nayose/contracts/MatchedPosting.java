package dev.nayose.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;

/**
 * A posting together with the matcher's decision about it.
 *
 * <p>Invariants: {@code MATCHED} names a {@code companyId}; {@code REVIEW} names the best
 * candidate's {@code companyId}; {@code UNMATCHED} names none. An {@code officeId} is only given
 * with its {@code companyId}. {@code score} is the decision's match probability in [0, 1];
 * {@code reasons} is the evidence, possibly empty for {@code UNMATCHED}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchedPosting(
    JobPosting posting,
    Decision decision,
    String companyId,
    String officeId,
    double score,
    List<Evidence> reasons) {

  public MatchedPosting {
    Objects.requireNonNull(posting, "posting is required");
    Objects.requireNonNull(decision, "decision is required");
    reasons = Checks.requireList(reasons, "reasons");
    Checks.requireLength(companyId, "companyId", 100);
    Checks.requireLength(officeId, "officeId", 100);
    if (decision == Decision.UNMATCHED && companyId != null) {
      throw new IllegalArgumentException("an UNMATCHED posting names no company");
    }
    if (decision != Decision.UNMATCHED && companyId == null) {
      throw new IllegalArgumentException(decision + " requires a companyId");
    }
    if (officeId != null && companyId == null) {
      throw new IllegalArgumentException("an officeId requires its companyId");
    }
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1], was " + score);
    }
  }
}
