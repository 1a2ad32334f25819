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
 * partner's callback secret, over
 *
 * <pre>{@code <X-Nayose-Timestamp>.<X-Nayose-Delivery>.<X-Nayose-Event>.<body>}</pre>
 *
 * <p>that is the three header values exactly as sent (ASCII), each followed by a {@code .}, then the
 * request body byte for byte. A partner verifies a callback so:
 *
 * <ol>
 *   <li>Read the raw body bytes before parsing them, and the headers {@code X-Nayose-Timestamp},
 *       {@code X-Nayose-Delivery}, {@code X-Nayose-Event} and {@code X-Nayose-Signature}.
 *   <li>Reject the request if the timestamp (unix seconds) is more than a few minutes away from its
 *       own clock.
 *   <li>Compute {@code "sha256=" + hex(HMAC-SHA256(utf8(secret), timestamp + "." + delivery + "." +
 *       event + "." + body))} and compare it with {@code X-Nayose-Signature} in constant time
 *       (e.g. {@code MessageDigest.isEqual}, {@code hmac.compare_digest}); reject on a mismatch.
 *   <li>Only then trust the event and the body, and drop a delivery id it has already processed
 *       (remembering ids for the timestamp window is enough: older requests fail step 2).
 * </ol>
 *
 * <p>From a shell: {@code printf '%s' "$ts.$delivery.$event.$body" | openssl dgst -sha256 -hmac "$secret"}.
 *
 * <p>The timestamp is signed so that a captured request cannot be replayed later under a fresh
 * timestamp; the delivery id and the event are signed so that, within the timestamp window, it
 * cannot be replayed under a fresh delivery id (past the partner's de-duplication) or passed off as
 * another event.
 */
public final class CallbackSigner {
  /** Prefix of the header value: names the algorithm so that another can be added beside it. */
  public static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private CallbackSigner() {
  }

  /**
   * {@code sha256=<hex>} of {@code "<timestamp>.<deliveryId>.<event>.<body>"} under {@code secret}.
   *
   * @param secret the partner's callback secret, not empty
   * @param timestamp unix seconds, as sent in {@code X-Nayose-Timestamp}
   * @param deliveryId the delivery id, as sent in {@code X-Nayose-Delivery}
   * @param event the event, as sent in {@code X-Nayose-Event}
   * @param body the request body, byte for byte
   */
  public static String sign(String secret, long timestamp, String deliveryId, String event, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(body, "body");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("the callback secret is empty");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestamp + "." + deliveryId + "." + event + ".").getBytes(StandardCharsets.US_ASCII));
      mac.update(body);
      return PREFIX + HexFormat.of().formatHex(mac.doFinal());
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // every Java platform is required to provide HmacSHA256, and any non-empty key is valid for it
      throw new IllegalStateException(e);
    }
  }
}
