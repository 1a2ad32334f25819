package dev.nayose.cli;

import dev.nayose.schema.ApiKeyDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import javax.sql.DataSource;

/**
 * Partners and their API keys, administered straight in the database (operators' path; partners
 * only ever see their key). A key is 256 random bits; only its SHA-256 is stored.
 */
final class Partners {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DataSource dataSource;

  Partners(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Creates the partner if needed and mints a new key for it; returns the key in clear, once. */
  String mintKey(String partnerId, String label) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "nys_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (var p = c.prepareStatement("insert into partner (partner_id, name) values (?, ?) on conflict do nothing")) {
        p.setString(1, partnerId);
        p.setString(2, partnerId);
        p.executeUpdate();
      }
      try (var k = c.prepareStatement("insert into partner_api_key (key_sha256, partner_id, label) values (?, ?, ?)")) {
        k.setString(1, ApiKeyDigest.sha256Hex(key));
        k.setString(2, partnerId);
        k.setString(3, label);
        k.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a key for partner " + partnerId + ": " + e.getMessage(), e);
    }
    return key;
  }
}
