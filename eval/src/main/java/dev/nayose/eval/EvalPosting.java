package dev.nayose.eval;

import java.util.Objects;

/**
 * One labelled posting of an evaluation set: the fields as a partner would write them, and the
 * truth. {@code truthCompanyId} is the master company the posting names, {@code null} when its
 * company is not in the master. Optional fields are {@code null} when the posting leaves them out.
 */
public record EvalPosting(
    String postingId,
    String companyName,
    String corporateNumber,
    String postalCode,
    String address,
    String phone,
    String workLocation,
    String truthCompanyId) {

  public EvalPosting {
    Objects.requireNonNull(postingId, "postingId");
    if (companyName == null || companyName.isBlank()) {
      throw new IllegalArgumentException("companyName is required");
    }
  }

  /** True when the posting's company is in the master. */
  public boolean present() {
    return truthCompanyId != null;
  }
}
