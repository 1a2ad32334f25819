package dev.nayose.cli;

import java.util.concurrent.Callable;
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

  @Parameters(paramLabel = "PARTNER", description = "Partner id; created if new.")
  String partner;

  @Override
  public Integer call() {
    Targets targets = Targets.resolve(Workspace.locate(), NayoseCli.JSON);
    String secret = new Partners(targets.dataSource()).mintCallbackSecret(partner);
    System.out.println(secret);
    System.err.println("partner " + partner + " signs its callbacks with this secret from now on;"
        + " verify X-Nayose-Signature: sha256=HMAC-SHA256(secret, timestamp.delivery.event.body), see the README");
    return 0;
  }
}
