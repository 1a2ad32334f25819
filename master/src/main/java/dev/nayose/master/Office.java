package dev.nayose.master;

/**
 * An office (branch, plant, shop) of a company of the master, from the project's offices.csv.
 *
 * <p>Invariants: {@code officeId} and {@code companyId} are not blank; every other text is either
 * {@code null} or not blank; {@code postalCode} is {@code null} or 7 ASCII digits. That the
 * company exists is checked on import, not here.
 */
public record Office(
    String officeId,
    String companyId,
    String name,
    String prefecture,
    String city,
    String street,
    String postalCode,
    String phone) {

  public Office {
    officeId = FieldText.required(officeId, "officeId");
    companyId = FieldText.required(companyId, "companyId");
    name = FieldText.optional(name);
    prefecture = FieldText.optional(prefecture);
    city = FieldText.optional(city);
    street = FieldText.optional(street);
    postalCode = PostalCode.requireValid(FieldText.optional(postalCode));
    phone = FieldText.optional(phone);
  }
}
