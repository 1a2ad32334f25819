package dev.nayose.intake;

import dev.nayose.contracts.JobPosting;
import java.util.List;
import java.util.Objects;

/** What became of one data row: a posting, with the warnings of its fields, or a rejection. */
public sealed interface RowOutcome {

  /** The row is a posting; {@code warnings} (in column order) say which of its fields were changed or set aside. */
  record Accepted(JobPosting posting, List<UploadWarning> warnings) implements RowOutcome {
    public Accepted {
      Objects.requireNonNull(posting, "posting");
      warnings = List.copyOf(warnings);
    }
  }

  /** The row is not passed on. */
  record Rejected(Rejection rejection) implements RowOutcome {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
