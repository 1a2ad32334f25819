package dev.nayose.master;

/** The model's rule for text values: blank means absent, so the database holds null, never "". */
final class FieldText {
  private FieldText() {}

  static String optional(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }
}
