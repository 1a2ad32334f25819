package dev.nayose.platform.ledger;

import static dev.nayose.platform.ledger.UploadState.COMPLETED;
import static dev.nayose.platform.ledger.UploadState.FAILED;
import static dev.nayose.platform.ledger.UploadState.RECEIVED;
import static dev.nayose.platform.ledger.UploadState.RECEIVING;
import static dev.nayose.platform.ledger.UploadState.SPLIT;
import static dev.nayose.platform.ledger.UploadState.STALLED;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What happens to an upload, each with the states it may happen in and the state it leads to.
 * Every pair is one {@link UploadState#canMoveTo allowed move}; a transition from any other state
 * is refused by the SQL of {@link UploadStateMachine} (its {@code where state in (...)} is
 * {@link #sql()}).
 */
public enum UploadTransition {
  /** ingest-service stored the whole file, or the sweeper found it stored. */
  STORED(EnumSet.of(RECEIVING), RECEIVED),
  /** The sweeper found a RECEIVING upload idle with no object: the file never arrived whole. */
  ABANDONED(EnumSet.of(RECEIVING), FAILED),
  /** split-service recorded the rows; a redriven or repeated upload event splits again. */
  SPLIT_RECORDED(EnumSet.of(RECEIVED, SPLIT, STALLED), SPLIT),
  /** split-service cannot read the file as a whole (the partner's input). */
  UNREADABLE(EnumSet.of(RECEIVED, SPLIT, STALLED), FAILED),
  /** The split stage dead-lettered the upload event before every chunk was loaded. */
  SPLIT_GAVE_UP(EnumSet.of(RECEIVED, SPLIT), STALLED),
  /** Every chunk is loaded. */
  SETTLED_COMPLETED(EnumSet.of(SPLIT, STALLED), COMPLETED),
  /** Every chunk is loaded or dead-lettered, some dead-lettered. */
  SETTLED_STALLED(EnumSet.of(SPLIT), STALLED);

  private final Set<UploadState> from;
  private final UploadState to;

  UploadTransition(Set<UploadState> from, UploadState to) {
    for (UploadState state : from) {
      if (!state.canMoveTo(to)) {
        throw new IllegalStateException(name() + ": " + state + " -> " + to + " is not an allowed move");
      }
    }
    this.from = Set.copyOf(from);
    this.to = to;
  }

  public Set<UploadState> from() {
    return from;
  }

  public UploadState to() {
    return to;
  }

  /** Whether an upload in {@code state} may undergo this transition. */
  public boolean appliesTo(UploadState state) {
    return from.contains(state);
  }

  /** The states it may happen in as an SQL list: {@code ('RECEIVED', 'SPLIT')}. */
  String sql() {
    return from.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
  }
}
