package dev.nayose.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a decision's explanation: a field of the posting compared with the same field of
 * the candidate company (or office).
 *
 * <p>{@code level} names the comparison outcome (for example {@code EXACT}, {@code
 * CHECK_DIGIT_INVALID}, {@code DIFFERENT}); {@code weight} is its log2 Bayes factor, positive for
 * evidence of a match and negative against. Values are the normalised forms that were compared,
 * either may be {@code null} when a side lacks the field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String field, String postingValue, String masterValue, String level, double weight) {

  public Evidence {
    Checks.requireText(field, "field", 100);
    Checks.requireText(level, "level", 100);
    Checks.requireLength(postingValue, "postingValue", JobPosting.MAX_FIELD_LENGTH);
    Checks.requireLength(masterValue, "masterValue", JobPosting.MAX_FIELD_LENGTH);
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite, was " + weight);
    }
  }
}
