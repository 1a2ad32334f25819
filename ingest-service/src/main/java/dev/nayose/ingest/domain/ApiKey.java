package dev.nayose.ingest.domain;

import dev.nayose.schema.ApiKeyDigest;
import java.util.Objects;

/**
 * An API key as a partner presented it. Keys are random 256-bit secrets, so only their unsalted
 * SHA-256 ({@link #sha256Hex()}) is stored and looked up. The secret never appears in
 * {@link #toString()}. 1..{@value #MAX_LENGTH} visible ASCII characters.
 */
public record ApiKey(String secret) {
  public static final int MAX_LENGTH = 512;

  public ApiKey {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty() || secret.length() > MAX_LENGTH || !secret.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException("an API key is 1.." + MAX_LENGTH + " visible ASCII characters");
    }
  }

  /** Lower-case hex SHA-256 of the key's bytes, as {@code partner_api_key.key_sha256} holds it. */
  public String sha256Hex() {
    return ApiKeyDigest.sha256Hex(secret);
  }

  @Override
  public String toString() {
    return "ApiKey[***]";
  }
}
