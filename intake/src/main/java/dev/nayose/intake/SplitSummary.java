package dev.nayose.intake;

import java.util.List;
import java.util.Map;

/**
 * What splitting a file gave.
 *
 * <p>Invariants: {@code rowsTotal == rowsAccepted + rowsRejected}; {@code rowsDuplicate <=
 * rowsRejected} (duplicates are rejections too); {@code rejectionsByCode} sums to {@code
 * rowsRejected}; {@code chunkCount == 0} exactly when {@code rowsAccepted == 0}. Blank lines are
 * not rows. {@code rowsWithWarnings <= rowsAccepted}: a warning is about a loaded posting (or the
 * header); {@code warningsByCode} counts warnings, several per row possible.
 *
 * @param rowsTotal data rows read (the header not included)
 * @param rowsWithWarnings accepted rows with at least one warning
 * @param unknownColumns header texts that named no column and were ignored
 */
public record SplitSummary(long rowsTotal, long rowsAccepted, long rowsRejected, long rowsDuplicate, int chunkCount,
    Map<RejectionCode, Long> rejectionsByCode, long rowsWithWarnings, Map<WarningCode, Long> warningsByCode,
    List<String> unknownColumns) {

  public SplitSummary {
    rejectionsByCode = Map.copyOf(rejectionsByCode);
    warningsByCode = Map.copyOf(warningsByCode);
    if (rowsWithWarnings < 0 || rowsWithWarnings > rowsAccepted) {
      throw new IllegalArgumentException(rowsWithWarnings + " rows with warnings of " + rowsAccepted + " accepted");
    }
    unknownColumns = List.copyOf(unknownColumns);
    if (rowsTotal != rowsAccepted + rowsRejected) {
      throw new IllegalArgumentException("rowsTotal " + rowsTotal + " != accepted " + rowsAccepted + " + rejected "
          + rowsRejected);
    }
    if (rowsDuplicate > rowsRejected) {
      throw new IllegalArgumentException("duplicates are rejections: " + rowsDuplicate + " > " + rowsRejected);
    }
    if (rejectionsByCode.values().stream().mapToLong(Long::longValue).sum() != rowsRejected) {
      throw new IllegalArgumentException("rejections by code do not sum to " + rowsRejected);
    }
    if ((chunkCount == 0) != (rowsAccepted == 0)) {
      throw new IllegalArgumentException(chunkCount + " chunk(s) for " + rowsAccepted + " accepted row(s)");
    }
  }

  /** Warnings in all. */
  public long warningCount() {
    return warningsByCode.values().stream().mapToLong(Long::longValue).sum();
  }
}
