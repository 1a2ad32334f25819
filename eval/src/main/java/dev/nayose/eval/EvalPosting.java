package dev.nayose.eval;

import java.util.Objects;

/**
 * One labelled posting of an evaluation set: the fields as a partner would write them, and the
 * truth. {@code truthCompanyId} is the master company the posting names, {@code null} when its
 * company is not in the master; {@code truthOfficeId} is the office of that company the posting
 * was written at (its address, postal code and phone are the office's), {@code null} for the head
 * office and for absent companies. Optional fields are {@code null} when the posting leaves them out.
 * {@code companyNameKana} is the reading the posting gives ({@code company_name_kana}); {@code kind}
 * says how the posting was made ({@link NoiseKind}).
 */
public record EvalPosting(
    String postingId,
    String companyName,
    String companyNameKana,
    String corporateNumber,
    String postalCode,
    String address,
    String phone,
    String workLocation,
    String truthCompanyId,
    String truthOfficeId,
    NoiseKind kind) {

  public EvalPosting {
    Objects.requireNonNull(postingId, "postingId");
    Objects.requireNonNull(kind, "kind");
    if (companyName == null || companyName.isBlank()) {
      throw new IllegalArgumentException("companyName is required");
    }
    if (truthOfficeId != null && truthCompanyId == null) {
      throw new IllegalArgumentException("an office without its company: " + postingId);
    }
  }

  /** A {@link NoiseKind#STANDARD} posting without a reading. */
  public EvalPosting(String postingId, String companyName, String corporateNumber, String postalCode, String address,
      String phone, String workLocation, String truthCompanyId, String truthOfficeId) {
    this(postingId, companyName, null, corporateNumber, postalCode, address, phone, workLocation, truthCompanyId,
        truthOfficeId, NoiseKind.STANDARD);
  }

  /** A posting at its company's head office (or of an absent company). */
  public EvalPosting(String postingId, String companyName, String corporateNumber, String postalCode, String address,
      String phone, String workLocation, String truthCompanyId) {
    this(postingId, companyName, corporateNumber, postalCode, address, phone, workLocation, truthCompanyId, null);
  }

  /** True when the posting's company is in the master. */
  public boolean present() {
    return truthCompanyId != null;
  }

  /** True when the posting was written at one of its company's offices. */
  public boolean atOffice() {
    return truthOfficeId != null;
  }
}
