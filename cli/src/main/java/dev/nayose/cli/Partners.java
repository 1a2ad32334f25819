package dev.nayose.cli;

import dev.nayose.schema.ApiKeyDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Partners, their API keys and callback secrets, and operators' keys for the admin API, administered straight in the
 * database (operators' path; partners only ever see their key). A key is 256 random bits; only its
 * SHA-256 is stored. Partner keys start {@code nys_}, operator keys {@code nyo_}, so that a key
 * shows at a glance which API it opens.
 */
final class Partners {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** As {@code operator_api_key.operator} allows. */
  private static final Pattern OPERATOR = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  /** As {@code partner.partner_id} allows. */
  private static final Pattern PARTNER = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final DataSource dataSource;

  Partners(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Creates the partner if needed and mints a new key for it; returns the key in clear, once. Two
   * calls for a new partner at once create it once ({@code on conflict do nothing}) and give it a key each.
   */
  String mintKey(String partnerId, String label) {
    requirePartnerId(partnerId);
    String key = newKey("nys_");
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

  /**
   * Mints a key for the admin API ({@code /admin/**} of ingest-service) held by {@code operator}
   * (lower-case letters, digits, '.', '_', '-'); returns the key in clear, once.
   */
  String mintOperatorKey(String operator, String label) {
    if (operator == null || !OPERATOR.matcher(operator).matches()) {
      throw new IllegalArgumentException("an operator name is 1..64 lower-case letters, digits, '.', '_' or '-', "
          + "starting with a letter or digit, not " + operator);
    }
    String key = newKey("nyo_");
    try (Connection c = dataSource.getConnection();
        var k = c.prepareStatement("insert into operator_api_key (key_sha256, operator, label) values (?, ?, ?)")) {
      k.setString(1, ApiKeyDigest.sha256Hex(key));
      k.setString(2, operator);
      k.setString(3, label);
      k.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a key for operator " + operator + ": " + e.getMessage(), e);
    }
    return key;
  }

  /**
   * Gives the partner (created if new) a new secret for the HMAC-SHA256 signature of its status
   * callbacks, replacing the earlier one; returns it in clear, once. Stored as it is: signing needs it.
   */
  String mintCallbackSecret(String partnerId) {
    requirePartnerId(partnerId);
    String secret = newKey("nycs_");
    try (Connection c = dataSource.getConnection();
        var p = c.prepareStatement("""
            insert into partner (partner_id, name, callback_secret) values (?, ?, ?)
            on conflict (partner_id) do update set callback_secret = excluded.callback_secret
            """)) {
      p.setString(1, partnerId);
      p.setString(2, partnerId);
      p.setString(3, secret);
      p.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot give partner " + partnerId + " a callback secret: " + e.getMessage(), e);
    }
    return secret;
  }

  private static void requirePartnerId(String partnerId) {
    if (partnerId == null || !PARTNER.matcher(partnerId).matches()) {
      throw CliFailure.input("not a partner id: " + partnerId, "a partner id is 1..64 lower-case letters, digits"
          + " or '-', starting with a letter or digit");
    }
  }

  private static String newKey(String prefix) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
