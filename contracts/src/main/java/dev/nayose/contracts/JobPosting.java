package dev.nayose.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/**
 * One accepted row of a partner's upload, in the canonical columns.
 *
 * <p>{@code rowNumber} is the 1-based line of the record in the uploaded file, the header being
 * row 1, so the first posting is row 2 — the number a partner sees in a spreadsheet. Only
 * {@code postingId} and {@code companyName} are required; every other field is {@code null} when
 * the partner did not send it, never an empty string. Salaries are yen, {@code salaryMin <=
 * salaryMax} when both are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobPosting(
    long rowNumber,
    String postingId,
    String companyName,
    String companyNameKana,
    String corporateNumber,
    String postalCode,
    String address,
    String phone,
    String website,
    String jobTitle,
    String employmentType,
    Long salaryMin,
    Long salaryMax,
    String workLocation,
    String description,
    LocalDate postedAt,
    String url) {

  /** Longest identifier accepted in {@code postingId}. */
  public static final int MAX_POSTING_ID_LENGTH = 200;
  /** Longest value accepted in any short text field (names, address, title...). */
  public static final int MAX_FIELD_LENGTH = 1_000;
  /** Longest {@code description} accepted. */
  public static final int MAX_DESCRIPTION_LENGTH = 20_000;

  public JobPosting {
    if (rowNumber < 2) {
      throw new IllegalArgumentException("rowNumber must be >= 2 (row 1 is the header), was " + rowNumber);
    }
    Checks.requireText(postingId, "postingId", MAX_POSTING_ID_LENGTH);
    Checks.requireText(companyName, "companyName", MAX_FIELD_LENGTH);
    Checks.requireLength(companyNameKana, "companyNameKana", MAX_FIELD_LENGTH);
    Checks.requireLength(corporateNumber, "corporateNumber", MAX_FIELD_LENGTH);
    Checks.requireLength(postalCode, "postalCode", MAX_FIELD_LENGTH);
    Checks.requireLength(address, "address", MAX_FIELD_LENGTH);
    Checks.requireLength(phone, "phone", MAX_FIELD_LENGTH);
    Checks.requireLength(website, "website", MAX_FIELD_LENGTH);
    Checks.requireLength(jobTitle, "jobTitle", MAX_FIELD_LENGTH);
    Checks.requireLength(employmentType, "employmentType", MAX_FIELD_LENGTH);
    Checks.requireLength(workLocation, "workLocation", MAX_FIELD_LENGTH);
    Checks.requireLength(description, "description", MAX_DESCRIPTION_LENGTH);
    Checks.requireLength(url, "url", MAX_FIELD_LENGTH);
    if (salaryMin != null && salaryMin < 0) {
      throw new IllegalArgumentException("salaryMin must be >= 0, was " + salaryMin);
    }
    if (salaryMax != null && salaryMax < 0) {
      throw new IllegalArgumentException("salaryMax must be >= 0, was " + salaryMax);
    }
    if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
      throw new IllegalArgumentException(
          "salaryMin " + salaryMin + " is greater than salaryMax " + salaryMax);
    }
  }
}
