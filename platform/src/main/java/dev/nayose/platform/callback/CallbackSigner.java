package dev.nayose.platform.callback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a status callback, sent as {@code X-Nayose-Signature}:
 * {@code sha256=} followed by the lower-case hex HMAC-SHA256, keyed with the UTF-8 bytes of the
 * partner's callback secret, over the ASCII bytes of {@code X-Nayose-Timestamp} (unix seconds),
 * a {@code .}, and the request body exactly as sent.
 *
 * <p>The timestamp is signed with the body so that a captured request cannot be replayed later
 * under a fresh timestamp; a partner rejects timestamps more than a few minutes off its clock.
 */
public final class CallbackSigner {
  /** Prefix of the header value: names the algorithm so that another can be added beside it. */
  public static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private CallbackSigner() {
  }

  /**
   * {@code sha256=<hex>} of {@code "<timestamp>.<body>"} under {@code secret}.
   *
   * @param secret the partner's callback secret, not empty
   * @param timestamp unix seconds, as sent in {@code X-Nayose-Timestamp}
   * @param body the request body, byte for byte
   */
  public static String sign(String secret, long timestamp, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the callback secret is empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      mac.update(body);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // every Java platform is required to provide HmacSHA256, and any non-empty key is valid for it
      throw new IllegalStateException(e);
    }
  }
}
