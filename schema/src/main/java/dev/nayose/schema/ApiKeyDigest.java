package dev.nayose.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How {@code partner_api_key.key_sha256} is computed from an API key: the lower-case hex SHA-256
 * of its bytes. Keys are random 256-bit secrets, so an unsalted hash is enough. Whoever mints keys
 * (the CLI) and whoever checks them (ingest-service) use this one function.
 */
public final class ApiKeyDigest {
  private ApiKeyDigest() {}

  public static String sha256Hex(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
