package dev.nayose.master;

import java.util.List;

/**
 * What reading an NTA file found. Every row is accounted for: {@code rowsRead} rows were either
 * folded into the history of their corporate number or {@code rejected}; every distinct corporate
 * number became one company or, when its newest record is a deletion (process 99), is listed in
 * {@code deletedCorporateNumbers}: {@code distinctNumbers == companies + deletedCorporateNumbers.size()}.
 *
 * @param rowsRead data rows read (empty lines are not rows)
 * @param distinctNumbers distinct corporate numbers among the accepted rows
 * @param numbersWithHistory corporate numbers with more than one row
 * @param companies companies handed on (closed ones included)
 * @param deletedCorporateNumbers numbers whose newest record deletes them, in file order
 * @param rejected rows that could not be read, in file order
 */
public record NtaReadSummary(
    long rowsRead,
    int distinctNumbers,
    int numbersWithHistory,
    int companies,
    List<String> deletedCorporateNumbers,
    List<RejectedRow> rejected) {

  public NtaReadSummary {
    deletedCorporateNumbers = List.copyOf(deletedCorporateNumbers);
    rejected = List.copyOf(rejected);
    if (distinctNumbers != companies + deletedCorporateNumbers.size()) {
      throw new IllegalArgumentException("distinctNumbers " + distinctNumbers + " != companies " + companies
          + " + deleted " + deletedCorporateNumbers.size());
    }
  }
}
