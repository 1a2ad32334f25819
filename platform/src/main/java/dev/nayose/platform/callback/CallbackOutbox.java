package dev.nayose.platform.callback;

import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code callback_delivery} table, which {@code UploadLedger} fills and dispatchers drain.
 *
 * <p>An attempt is claimed in a statement of its own that commits at once: it counts the attempt
 * and pushes {@code next_attempt_at} out by a lease, so no transaction stays open during the HTTP
 * call and no other dispatcher picks the row up meanwhile ({@code skip locked} keeps concurrent
 * claims from waiting on each other). Every outcome is recorded only while the delivery is still
 * due: one superseded meanwhile keeps that state.
 */
class CallbackOutbox {
  private static final String WHILE_DUE = " where delivery_id = :id and state in ('PENDING', 'RETRYING')";

  private final JdbcClient jdbc;

  CallbackOutbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An attempt claimed: the delivery, its attempt number, and the partner's secret (null: none). */
  record Claimed(UUID deliveryId, UUID uploadId, String event, String url, int attempt, String partnerId,
      String secret) {}

  /** Claims the delivery due longest, if any, for {@code lease}. */
  Optional<Claimed> claimNext(Duration lease) {
    return jdbc.sql("""
        update callback_delivery d
           set attempts = d.attempts + 1, last_attempt_at = now(),
               next_attempt_at = now() + make_interval(secs => :lease), updated_at = now()
          from upload u join partner p on p.partner_id = u.partner_id
         where d.delivery_id = (select delivery_id from callback_delivery
                                 where state in ('PENDING', 'RETRYING') and next_attempt_at <= now()
                                 order by next_attempt_at
                                 limit 1
                                 for update skip locked)
           and u.upload_id = d.upload_id
        returning d.delivery_id, d.upload_id, d.event, d.url, d.attempts, p.partner_id, p.callback_secret
        """)
        .param("lease", lease.toMillis() / 1000.0)
        .query((rs, n) -> new Claimed(rs.getObject("delivery_id", UUID.class), rs.getObject("upload_id", UUID.class),
            rs.getString("event"), rs.getString("url"), rs.getInt("attempts"), rs.getString("partner_id"),
            rs.getString("callback_secret")))
        .optional();
  }

  void delivered(UUID deliveryId, int httpStatus) {
    jdbc.sql("""
        update callback_delivery
           set state = 'DELIVERED', delivered_at = now(), last_status = :status, last_error = null, updated_at = now()
        """ + WHILE_DUE)
        .param("id", deliveryId).param("status", httpStatus)
        .update();
  }

  void retry(UUID deliveryId, Integer httpStatus, String error, Duration delay) {
    jdbc.sql("""
        update callback_delivery
           set state = 'RETRYING', next_attempt_at = now() + make_interval(secs => :delay),
               last_status = :status, last_error = :error, updated_at = now()
        """ + WHILE_DUE)
        .param("id", deliveryId).param("status", httpStatus, Types.INTEGER).param("error", error, Types.VARCHAR)
        .param("delay", delay.toMillis() / 1000.0)
        .update();
  }

  void end(UUID deliveryId, String state, Integer httpStatus, String error) {
    jdbc.sql("""
        update callback_delivery
           set state = :state, last_status = :status, last_error = :error, updated_at = now()
        """ + WHILE_DUE)
        .param("id", deliveryId).param("state", state).param("status", httpStatus, Types.INTEGER).param("error", error, Types.VARCHAR)
        .update();
  }
}
