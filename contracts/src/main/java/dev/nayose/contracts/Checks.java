package dev.nayose.contracts;

import java.util.List;
import java.util.Objects;

/** Invariant checks shared by the message records; failures are contract violations. */
final class Checks {
  private Checks() {}

  static String requireText(String value, String field, int maxLength) {
    Objects.requireNonNull(value, field + " is required");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return requireLength(value, field, maxLength);
  }

  static String requireLength(String value, String field, int maxLength) {
    if (value != null && value.length() > maxLength) {
      throw new IllegalArgumentException(
          field + " is " + value.length() + " characters, at most " + maxLength + " allowed");
    }
    return value;
  }

  static <T> List<T> requireList(List<T> values, String field) {
    Objects.requireNonNull(values, field + " is required");
    return List.copyOf(values);
  }

  static void requireSchemaVersion(int schemaVersion, int supported, String message) {
    if (schemaVersion != supported) {
      throw new IllegalArgumentException(
          message + " schemaVersion " + schemaVersion + " is not supported (expected " + supported + ")");
    }
  }

  static void requireChunkPosition(int chunkIndex, int chunkCount) {
    if (chunkCount < 1) {
      throw new IllegalArgumentException("chunkCount must be >= 1, was " + chunkCount);
    }
    if (chunkIndex < 0 || chunkIndex >= chunkCount) {
      throw new IllegalArgumentException(
          "chunkIndex must be in [0, " + chunkCount + "), was " + chunkIndex);
    }
  }
}
