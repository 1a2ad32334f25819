package dev.nayose.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nayose.localstack.LocalStack;
import dev.nayose.localstack.LocalStackExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each transition's SQL against the real PostgreSQL of the local stack, from each of the six
 * states: it moves the upload exactly when the table allows it, and leaves it alone otherwise.
 */
@ExtendWith(LocalStackExtension.class)
class UploadStateMachineIT {
  private final LocalStack stack = LocalStackExtension.stack();
  private final JdbcClient db = JdbcClient.create(stack.dataSource());
  private final UploadStateMachine states = new UploadStateMachine(db);
  private final UploadLedger ledger = new UploadLedger(db);

  @BeforeAll
  static void migrate() {
    Flyway.configure().dataSource(LocalStackExtension.stack().dataSource()).load().migrate();
  }

  static Stream<Arguments> transitionsFromEachState() {
    List<Arguments> cases = new ArrayList<>();
    for (UploadTransition t : UploadTransition.values()) {
      for (UploadState from : UploadState.values()) {
        cases.add(Arguments.of(t, from));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("transitionsFromEachState")
  void aTransitionMovesOnlyFromItsStates(UploadTransition transition, UploadState from) {
    UUID id = upload(from, 2);

    boolean moved = apply(transition, id);

    boolean allowed = transition.appliesTo(from);
    assertThat(moved).isEqualTo(allowed);
    assertThat(state(id)).isEqualTo(allowed ? transition.to().name() : from.name());
  }

  @Test
  void theSplitGivingUpStallsASplitUploadWithItsReasonAndARedriveCompletesIt() {
    UUID id = upload(UploadState.SPLIT, 2);
    load(id, 0);
    db.sql("update upload set callback_url = 'https://partner.example/cb' where upload_id = ?").params(id).update();

    ledger.recordDeadLetter(new DeadLetterRecord(id, "split", -1, 0, "RETRIES_EXHAUSTED",
        "software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException", "the chunks queue does not exist"));

    assertThat(state(id)).isEqualTo("STALLED");
    assertThat(db.sql("select failure_reason from upload where upload_id = ?").params(id).query(String.class).single())
        .isEqualTo("split stage gave up: the chunks queue does not exist");
    assertThat(db.sql("select event from callback_delivery where upload_id = ?").params(id).query(String.class).list())
        .containsExactly("upload.stalled");
    // a load of a chunk published before the failure does not complete it: chunk 1 never was
    assertThat(ledger.settle(id)).isEmpty();

    // the redriven upload event splits it again (the split's dead letter resolved) and chunk 1 loads
    assertThat(states.recordSplit(id, new UploadStateMachine.SplitCounts("UTF_8", 2, 0, 0, 0, 2))).isTrue();
    db.sql("delete from dead_letter where upload_id = ? and stage = 'split'").params(id).update();
    load(id, 1);
    assertThat(ledger.settle(id)).contains("COMPLETED");
  }

  @Test
  void anUploadStalledByTheSplitCompletesWhenItsPublishedChunksAllLoadAfterAll() {
    UUID id = upload(UploadState.SPLIT, 2);
    load(id, 0);
    ledger.recordDeadLetter(new DeadLetterRecord(id, "split", -1, 0, "RETRIES_EXHAUSTED", "E", "settle failed"));
    assertThat(state(id)).isEqualTo("STALLED");

    load(id, 1);

    assertThat(ledger.settle(id)).contains("COMPLETED");
    assertThat(db.sql("select failure_reason is null from upload where upload_id = ?").params(id)
        .query(Boolean.class).single()).isTrue();
    assertThat(ledger.find(id).orElseThrow().deadLetters()).isEmpty();
  }

  @Test
  void theSplitGivingUpAfterEveryChunkLoadedLeavesTheUploadToSettle() {
    UUID id = upload(UploadState.SPLIT, 1);
    load(id, 0);

    ledger.recordDeadLetter(new DeadLetterRecord(id, "split", -1, 0, "RETRIES_EXHAUSTED", "E", "settle failed"));

    assertThat(state(id)).isEqualTo("SPLIT");
    assertThat(ledger.settle(id)).contains("COMPLETED");
  }

  @Test
  void aDeadLetterOfAnUploadEventThatSucceededSinceIsNotRecordedAgain() {
    UUID id = upload(UploadState.SPLIT, 1);
    java.time.Instant before = db.sql("select split_at - interval '1 second' from upload where upload_id = ?").params(id)
        .query(java.sql.Timestamp.class).single().toInstant();
    var letter = new DeadLetterRecord(id, "split", -1, 0, "RETRIES_EXHAUSTED", "E", "old copy");

    assertThat(ledger.recordDeadLetterIfNew(letter, before)).isFalse();
    assertThat(ledger.recordDeadLetterIfNew(letter, before.plusSeconds(60))).isTrue();
    assertThat(ledger.recordDeadLetterIfNew(letter, before.plusSeconds(60))).isFalse();
    assertThat(state(id)).isEqualTo("STALLED");
  }

  @Test
  void anIdleUploadIsTakenByOneSweepAtATime() {
    UUID idle = upload(UploadState.RECEIVING, 0);
    UUID busy = upload(UploadState.RECEIVING, 0);
    db.sql("update upload set updated_at = now() - interval '1 hour' where upload_id = ?").params(idle).update();

    List<UUID> first = states.claimIdle(UploadState.RECEIVING, Duration.ofMinutes(15), 1000).stream()
        .map(UploadStateMachine.IdleUpload::uploadId).toList();
    List<UUID> second = states.claimIdle(UploadState.RECEIVING, Duration.ofMinutes(15), 1000).stream()
        .map(UploadStateMachine.IdleUpload::uploadId).toList();

    assertThat(first).contains(idle).doesNotContain(busy);
    assertThat(second).doesNotContain(idle);
    assertThat(db.sql("select sweeps from upload where upload_id = ?").params(idle).query(Integer.class).single())
        .isEqualTo(1);
  }

  @Test
  void anAbandonedUploadReleasesItsIdempotencyKey() {
    UUID first = upload(UploadState.RECEIVING, 0);
    String partner = db.sql("select partner_id from upload where upload_id = ?").params(first).query(String.class).single();
    db.sql("update upload set idempotency_key = 'k-1' where upload_id = ?").params(first).update();
    var again = new UploadStateMachine.NewUpload(UUID.randomUUID(), partner, "k-1", "k2", null, null, null);

    assertThat(states.create(again)).isFalse();
    assertThat(states.abandon(first, "never arrived")).isTrue();
    assertThat(states.create(again)).isTrue();
  }

  /** Applies the transition, meeting its conditions first (chunks loaded or dead-lettered). */
  private boolean apply(UploadTransition transition, UUID id) {
    return switch (transition) {
      case STORED -> states.markStored(id, 10, "0".repeat(64));
      case ABANDONED -> states.abandon(id, "never arrived");
      case SPLIT_RECORDED -> states.recordSplit(id, new UploadStateMachine.SplitCounts("UTF_8", 2, 0, 0, 0, 2));
      case UNREADABLE -> states.markUnreadable(id, "NO_HEADER", "no header", null);
      case SPLIT_GAVE_UP -> states.splitGaveUp(id, "split gave up").isPresent();
      case SETTLED_COMPLETED -> {
        load(id, 0);
        load(id, 1);
        yield states.settle(id).isPresent();
      }
      case SETTLED_STALLED -> {
        load(id, 0);
        ledger.recordDeadLetter(new DeadLetterRecord(id, "match", 1, 1, "RETRIES_EXHAUSTED", "E", "no master"));
        yield states.settle(id).isPresent();
      }
    };
  }

  private UUID upload(UploadState state, int chunks) {
    String partner = "it-states-" + UUID.randomUUID().toString().substring(0, 8);
    db.sql("insert into partner (partner_id, name) values (?, ?)").params(partner, partner).update();
    UUID id = UUID.randomUUID();
    boolean split = Map.of(UploadState.SPLIT, 1, UploadState.COMPLETED, 1, UploadState.STALLED, 1).containsKey(state);
    db.sql("""
        insert into upload (upload_id, partner_id, object_key, state, rows_total, rows_rejected, rows_duplicate,
                            chunk_count, split_at)
        values (?, ?, 'k', ?, ?, 0, 0, ?, ?)
        """).params(id, partner, state.name(), split ? chunks : null, split ? chunks : null,
            split ? java.sql.Timestamp.from(java.time.Instant.now()) : null).update();
    return id;
  }

  private void load(UUID upload, int chunk) {
    db.sql("""
        insert into chunk_load (upload_id, chunk_index, rows_loaded, matched, review, unmatched, matcher_version, worker_id)
        values (?, ?, 1, 1, 0, 0, 'fs-1', 'w') on conflict do nothing
        """).params(upload, chunk).update();
  }

  private String state(UUID id) {
    return db.sql("select state from upload where upload_id = ?").params(id).query(String.class).single();
  }
}
