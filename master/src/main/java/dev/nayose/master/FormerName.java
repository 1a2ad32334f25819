package dev.nayose.master;

import java.time.LocalDate;

/**
 * A name a company was registered under before its current one.
 *
 * @param name the former name, never blank
 * @param untilDate the change date of the record that replaced this name, {@code null} when the
 *     source does not say
 */
public record FormerName(String name, LocalDate untilDate) {
  public FormerName {
    name = FieldText.required(name, "former name");
  }
}
