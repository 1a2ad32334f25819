package dev.nayose.cli;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code nayose callback-secret PARTNER}: gives a partner a new secret for the HMAC-SHA256
 * signature of its status callbacks and prints it once. The secret replaces the earlier one at
 * once; callbacks not yet delivered are signed with the new one. Without a secret a partner's
 * callbacks are not sent (an unsigned callback could be forged by anyone who knows the URL).
 */
@Command(name = "callback-secret",
    description = "Give a partner a new secret for signing its status callbacks (printed once).")
final class CallbackSecretCommand implements Callable<Integer> {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Parameters(paramLabel = "PARTNER", description = "Partner id; created if new.")
  String partner;

  @Override
  public Integer call() {
    Targets targets = Targets.resolve(Workspace.locate(), NayoseCli.JSON);
    String secret = mint(JdbcClient.create(targets.dataSource()), partner);
    System.out.println(secret);
    System.err.println("partner " + partner + " signs its callbacks with this secret from now on;"
        + " verify X-Nayose-Signature: sha256=HMAC-SHA256(secret, X-Nayose-Timestamp + \".\" + body)");
    return 0;
  }

  /** Stores a new random secret (256 bits, base64url) for the partner, creating the partner if needed. */
  static String mint(JdbcClient db, String partnerId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = "nycs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    db.sql("""
        insert into partner (partner_id, name, callback_secret) values (:id, :id, :secret)
        on conflict (partner_id) do update set callback_secret = excluded.callback_secret
        """)
        .param("id", partnerId)
        .param("secret", secret)
        .update();
    return secret;
  }
}
