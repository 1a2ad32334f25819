package dev.nayose.master;

import java.time.LocalDate;
import java.util.List;

/**
 * A company of the master, from the National Tax Agency's data or the project's companies.csv.
 *
 * <p>Invariants: {@code companyId} and {@code name} are not blank; every other text is either
 * {@code null} or not blank (an empty or blank value becomes {@code null}); {@code corporateNumber}
 * is {@code null} or a {@linkplain CorporateNumber#isValid valid} corporate number;
 * {@code postalCode} is {@code null} or 7 ASCII digits; {@code formerNames} is an unmodifiable list,
 * empty when none are known, and never contains the current name. For NTA companies
 * {@code companyId} is the corporate number.
 *
 * @param kind the NTA's kind code ({@code 301} 株式会社, {@code 302} 有限会社, ...), {@code null}
 *     for companies.csv
 * @param closedOn the day the company closed (NTA close date), {@code null} while it exists
 * @param closeCause the NTA's close cause code ({@code 01} liquidation, {@code 11} merger, ...)
 */
public record Company(
    String companyId,
    String corporateNumber,
    String name,
    String nameKana,
    String prefecture,
    String city,
    String street,
    String postalCode,
    String phone,
    String website,
    String kind,
    LocalDate closedOn,
    String closeCause,
    List<FormerName> formerNames) {

  public Company {
    companyId = FieldText.required(companyId, "companyId");
    name = FieldText.required(name, "name");
    corporateNumber = FieldText.optional(corporateNumber);
    if (corporateNumber != null && !CorporateNumber.isValid(corporateNumber)) {
      throw new IllegalArgumentException("corporateNumber '" + corporateNumber + "' is not a valid corporate number");
    }
    nameKana = FieldText.optional(nameKana);
    prefecture = FieldText.optional(prefecture);
    city = FieldText.optional(city);
    street = FieldText.optional(street);
    postalCode = PostalCode.requireValid(FieldText.optional(postalCode));
    phone = FieldText.optional(phone);
    website = FieldText.optional(website);
    kind = FieldText.optional(kind);
    closeCause = FieldText.optional(closeCause);
    formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    for (FormerName former : formerNames) {
      if (former.name().equals(name)) {
        throw new IllegalArgumentException("the current name '" + name + "' cannot also be a former name");
      }
    }
  }

  /** True when the company has closed (it stays in the master: postings may still name it). */
  public boolean closed() {
    return closedOn != null;
  }
}
