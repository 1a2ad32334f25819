package dev.nayose.platform.ledger;

import static dev.nayose.platform.ledger.UploadState.COMPLETED;
import static dev.nayose.platform.ledger.UploadState.FAILED;
import static dev.nayose.platform.ledger.UploadState.RECEIVED;
import static dev.nayose.platform.ledger.UploadState.RECEIVING;
import static dev.nayose.platform.ledger.UploadState.SPLIT;
import static dev.nayose.platform.ledger.UploadState.STALLED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every one of the 36 pairs of states, allowed or refused, written out by hand. */
class UploadStateTest {
  private static final Map<UploadState, Set<UploadState>> ALLOWED = Map.of(
      RECEIVING, EnumSet.of(RECEIVED, FAILED),
      RECEIVED, EnumSet.of(SPLIT, STALLED, FAILED),
      SPLIT, EnumSet.of(SPLIT, COMPLETED, STALLED, FAILED),
      STALLED, EnumSet.of(SPLIT, COMPLETED, FAILED),
      COMPLETED, EnumSet.noneOf(UploadState.class),
      FAILED, EnumSet.noneOf(UploadState.class));

  static Stream<Arguments> pairs() {
    List<Arguments> pairs = new ArrayList<>();
    for (UploadState from : UploadState.values()) {
      for (UploadState to : UploadState.values()) {
        pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("pairs")
  void eachMoveIsAllowedOrRefused(UploadState from, UploadState to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
  }

  @Test
  void onlyCompletedAndFailedAreFinal() {
    assertThat(Stream.of(UploadState.values()).filter(UploadState::isFinal)).containsExactlyInAnyOrder(COMPLETED, FAILED);
  }

  @Test
  void everyStateThatIsNotFinalHasATransitionOut() {
    for (UploadState state : UploadState.values()) {
      boolean leaves = Stream.of(UploadTransition.values()).anyMatch(t -> t.appliesTo(state) && t.to() != state);
      assertThat(leaves).as(state.name()).isEqualTo(!state.isFinal());
    }
  }

  @Test
  void theTransitionsTogetherMakeEveryAllowedMove() {
    Set<String> made = new java.util.TreeSet<>();
    for (UploadTransition t : UploadTransition.values()) {
      t.from().forEach(from -> made.add(from + "->" + t.to()));
    }
    Set<String> allowed = new java.util.TreeSet<>();
    ALLOWED.forEach((from, tos) -> tos.forEach(to -> allowed.add(from + "->" + to)));
    assertThat(made).isEqualTo(allowed);
  }
}
