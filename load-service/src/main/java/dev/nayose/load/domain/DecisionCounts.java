package dev.nayose.load.domain;

import dev.nayose.contracts.Decision;
import java.util.Collection;

/**
 * How many postings of a chunk the matcher decided each way: the figures of a {@code chunk_load}
 * row and of the upload's status. Invariant: every count is {@code >= 0}.
 */
public record DecisionCounts(int matched, int review, int unmatched) {

  public DecisionCounts {
    if (matched < 0 || review < 0 || unmatched < 0) {
      throw new IllegalArgumentException("counts must be >= 0, were " + matched + "/" + review + "/" + unmatched);
    }
  }

  public static DecisionCounts of(Collection<Decision> decisions) {
    int matched = 0;
    int review = 0;
    int unmatched = 0;
    for (Decision decision : decisions) {
      switch (decision) {
        case MATCHED -> matched++;
        case REVIEW -> review++;
        case UNMATCHED -> unmatched++;
      }
    }
    return new DecisionCounts(matched, review, unmatched);
  }

  public int of(Decision decision) {
    return switch (decision) {
      case MATCHED -> matched;
      case REVIEW -> review;
      case UNMATCHED -> unmatched;
    };
  }

  public int total() {
    return matched + review + unmatched;
  }
}
