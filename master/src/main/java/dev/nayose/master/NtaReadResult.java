package dev.nayose.master;

import java.util.List;

/**
 * An NTA file read into memory: the companies (current state, former names folded in) and the
 * {@link NtaReadSummary}. For files too big to hold twice, read with a {@link RowHandler} instead.
 *
 * @param companies one per corporate number that is not deleted, in the order the numbers first
 *     appear in the file
 */
public record NtaReadResult(List<Company> companies, NtaReadSummary summary) {
  public NtaReadResult {
    companies = List.copyOf(companies);
  }
}
