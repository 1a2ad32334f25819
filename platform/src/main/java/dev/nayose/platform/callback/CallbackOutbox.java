package dev.nayose.platform.callback;

import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code callback_delivery} table, which {@code UploadLedger} fills and dispatchers drain.
 *
 * <p>An attempt is claimed in a statement of its own that commits at once: it counts the attempt,
 * sets {@code lease_until} and pushes {@code next_attempt_at} out to the lease's end, so no
 * transaction stays open during the HTTP call and no other dispatcher picks the row up meanwhile
 * ({@code skip locked} keeps concurrent claims from waiting on each other).
 *
 * <ul>
 *   <li>An outcome is recorded only by the attempt that holds the row ({@code attempts} is still
 *       its number: an attempt that outlived its lease and was claimed again records nothing), and
 *       only while the delivery is still due (one superseded meanwhile keeps that state). Either way
 *       the attempt gives its lease back.
 *   <li>No delivery of an upload is claimed while another delivery of the same upload is leased:
 *       {@code UploadLedger} supersedes a delivery even while it is being sent, and the newer state
 *       must not overtake the older one on the way to the partner.
 *   <li>A due delivery whose attempts are all used up (its last dispatcher died or overran the lease
 *       before recording an outcome) is given up, not claimed again.
 * </ul>
 */
class CallbackOutbox {
  private static final String HELD_AND_DUE =
      " where delivery_id = :id and attempts = :attempt and state in ('PENDING', 'RETRYING')";

  private final JdbcClient jdbc;

  CallbackOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An attempt claimed: the delivery, its attempt number, and the partner's secret (null: none). */
  record Claimed(UUID deliveryId, UUID uploadId, String event, String url, int attempt, String partnerId,
      String secret) {}

  /** A delivery given up when it was due again, its {@code attempts} all used up. */
  record Exhausted(UUID deliveryId, UUID uploadId, int attempts) {}

  /**
   * Claims the delivery due longest, if any, for {@code lease}; skips deliveries that have used up
   * {@code maxAttempts} (see {@link #giveUpExhausted}) and those of an upload whose other delivery
   * is leased.
   */
  Optional<Claimed> claimNext(Duration lease, int maxAttempts) {
    return jdbc.sql("""
        update callback_delivery d
           set attempts = d.attempts + 1, last_attempt_at = now(),
               next_attempt_at = now() + make_interval(secs => :lease),
               lease_until = now() + make_interval(secs => :lease), updated_at = now()
          from upload u join partner p on p.partner_id = u.partner_id
         where d.delivery_id = (select c.delivery_id from callback_delivery c
                                 where c.state in ('PENDING', 'RETRYING') and c.next_attempt_at <= now()
                                   and c.attempts < :maxAttempts
                                   and not exists (select 1 from callback_delivery o
                                                    where o.upload_id = c.upload_id
                                                      and o.delivery_id <> c.delivery_id
                                                      and o.lease_until > now())
                                 order by c.next_attempt_at
                                 limit 1
                                 for update of c skip locked)
           and u.upload_id = d.upload_id
        returning d.delivery_id, d.upload_id, d.event, d.url, d.attempts, p.partner_id, p.callback_secret
        """)
        .param("lease", lease.toMillis() / 1000.0)
        .param("maxAttempts", maxAttempts)
        .query((rs, n) -> new Claimed(rs.getObject("delivery_id", UUID.class), rs.getObject("upload_id", UUID.class),
            rs.getString("event"), rs.getString("url"), rs.getInt("attempts"), rs.getString("partner_id"),
            rs.getString("callback_secret")))
        .optional();
  }

  /**
   * Gives up the due deliveries that have used up {@code maxAttempts}: their last attempt's lease
   * ended without an outcome, because its dispatcher died or overran the lease.
   */
  List<Exhausted> giveUpExhausted(int maxAttempts) {
    return jdbc.sql("""
        update callback_delivery
           set state = 'GAVE_UP', lease_until = null, updated_at = now(),
               last_error = attempts || ' attempts made, the last ended without an outcome'
                            || ' (its dispatcher stopped or overran its lease)'
                            || coalesce('; the one before: ' || last_error, '')
         where state in ('PENDING', 'RETRYING') and next_attempt_at <= now() and attempts >= :maxAttempts
        returning delivery_id, upload_id, attempts
        """)
        .param("maxAttempts", maxAttempts)
        .query((rs, n) -> new Exhausted(rs.getObject("delivery_id", UUID.class), rs.getObject("upload_id", UUID.class),
            rs.getInt("attempts")))
        .list();
  }

  /** Records a 2xx; false if the attempt no longer holds a due delivery (nothing recorded). */
  boolean delivered(Claimed claimed, int httpStatus) {
    return released(claimed, jdbc.sql("""
        update callback_delivery
           set state = 'DELIVERED', delivered_at = now(), last_status = :status, last_error = null,
               lease_until = null, updated_at = now()
        """ + HELD_AND_DUE)
        .param("id", claimed.deliveryId()).param("attempt", claimed.attempt()).param("status", httpStatus)
        .update());
  }

  /** Records a failure to be retried after {@code delay}; false as {@link #delivered}. */
  boolean retry(Claimed claimed, Integer httpStatus, String error, Duration delay) {
    return released(claimed, jdbc.sql("""
        update callback_delivery
           set state = 'RETRYING', next_attempt_at = now() + make_interval(secs => :delay),
               last_status = :status, last_error = :error, lease_until = null, updated_at = now()
        """ + HELD_AND_DUE)
        .param("id", claimed.deliveryId()).param("attempt", claimed.attempt())
        .param("status", httpStatus, Types.INTEGER).param("error", error, Types.VARCHAR)
        .param("delay", delay.toMillis() / 1000.0)
        .update());
  }

  /** Ends the delivery ({@code GAVE_UP}, {@code SUPERSEDED}); false as {@link #delivered}. */
  boolean end(Claimed claimed, String state, Integer httpStatus, String error) {
    return released(claimed, jdbc.sql("""
        update callback_delivery
           set state = :state, last_status = :status, last_error = :error, lease_until = null, updated_at = now()
        """ + HELD_AND_DUE)
        .param("id", claimed.deliveryId()).param("attempt", claimed.attempt()).param("state", state)
        .param("status", httpStatus, Types.INTEGER).param("error", error, Types.VARCHAR)
        .update());
  }

  /**
   * After an outcome that was not recorded (the delivery superseded meanwhile), gives the lease
   * back all the same, unless another attempt holds the row now, so that the upload's newer
   * delivery need not wait for the lease to run out.
   */
  private boolean released(Claimed claimed, int recorded) {
    if (recorded > 0) {
      return true;
    }
    jdbc.sql("update callback_delivery set lease_until = null where delivery_id = :id and attempts = :attempt")
        .param("id", claimed.deliveryId()).param("attempt", claimed.attempt())
        .update();
    return false;
  }
}
