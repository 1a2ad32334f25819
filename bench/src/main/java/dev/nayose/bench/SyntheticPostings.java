package dev.nayose.bench;

import dev.nayose.contracts.JobPosting;
import dev.nayose.master.Company;
import java.util.List;

/**
 * Job postings written from companies of a {@link dev.nayose.master.SyntheticMasterWriter} master
 * the way a partner writes them: the name with its legal form moved to the other end ({@code
 * 株式会社山田商事} as {@code 山田商事株式会社}), the address as one line of prefecture, city and
 * street, the company's phone; no corporate number, so the matcher must find the company by name
 * and address rather than by an exact key.
 */
final class SyntheticPostings {
  /**
   * The legal forms the synthetic master writes in front of or behind a name, longer first where
   * one begins another.
   */
  private static final List<String> LEGAL_FORMS =
      List.of("特定非営利活動法人", "一般社団法人", "医療法人社団", "株式会社", "有限会社", "合同会社", "合資会社");

  private SyntheticPostings() {}

  /** The posting of row {@code rowNumber} (2 or more), {@code postingId} {@code P<rowNumber>}. */
  static JobPosting of(Company company, long rowNumber) {
    return new JobPosting(rowNumber, "P" + rowNumber, withLegalFormMoved(company.name()), null, null, null,
        address(company), company.phone(), null, "営業", null, null, null, null, null, null, null);
  }

  /** {@code name} with a leading legal form put at its end or a trailing one at its start. */
  static String withLegalFormMoved(String name) {
    for (String form : LEGAL_FORMS) {
      if (name.length() > form.length()) {
        if (name.startsWith(form)) {
          return name.substring(form.length()) + form;
        }
        if (name.endsWith(form)) {
          return form + name.substring(0, name.length() - form.length());
        }
      }
    }
    return name;
  }

  private static String address(Company company) {
    String line = text(company.prefecture()) + text(company.city()) + text(company.street());
    return line.isEmpty() ? null : line;
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
