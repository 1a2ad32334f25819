package dev.nayose.ingest.domain;

import java.util.Objects;

/**
 * The partner's name for one upload attempt ({@code Idempotency-Key} header): repeating a request
 * with the same key answers with the upload the first request created instead of storing the file
 * again. Unique per partner; 1..{@value #MAX_LENGTH} printable ASCII characters, surrounding blanks
 * ignored.
 */
public record IdempotencyKey(String value) {
  public static final int MAX_LENGTH = 255;

  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
    value = value.strip();
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the idempotency key must have 1.." + MAX_LENGTH + " characters");
    }
    if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException("the idempotency key must be printable ASCII");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
