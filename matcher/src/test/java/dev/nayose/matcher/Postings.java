package dev.nayose.matcher;

import dev.nayose.contracts.JobPosting;

/** Job postings for tests, with only the fields the matcher reads. */
public final class Postings {
  private Postings() {}

  public static JobPosting posting(String postingId, String companyName, String corporateNumber, String address,
      String workLocation) {
    return new JobPosting(2, postingId, companyName, null, corporateNumber, null, address, null, null, "営業",
        null, null, null, workLocation, null, null, null);
  }
}
