package dev.nayose.split.domain;

import dev.nayose.contracts.JobPosting;
import java.util.Objects;

/** What became of one data row: a posting, or a rejection. */
public sealed interface RowOutcome {

  /** The row is a valid posting. */
  record Accepted(JobPosting posting) implements RowOutcome {
    public Accepted {
      Objects.requireNonNull(posting, "posting");
    }
  }

  /** The row is not passed on. */
  record Rejected(Rejection rejection) implements RowOutcome {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
