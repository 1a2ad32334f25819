package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostingIdIndexTest {

  @Test
  void anIdIsNewOnceAndThenNamesItsFirstRow() {
    var index = new PostingIdIndex();

    assertThat(index.firstRowOrAdd("J-1", 2)).isZero();
    assertThat(index.firstRowOrAdd("J-2", 3)).isZero();
    assertThat(index.firstRowOrAdd("J-1", 9)).isEqualTo(2);
    assertThat(index.firstRowOrAdd("J-1", 12)).isEqualTo(2);
    assertThat(index.size()).isEqualTo(2);
  }

  @Test
  void idsDifferingOnlyInCaseOrWidthAreDifferentIds() {
    var index = new PostingIdIndex();

    assertThat(index.firstRowOrAdd("j-1", 2)).isZero();
    assertThat(index.firstRowOrAdd("J-1", 3)).isZero();
    assertThat(index.firstRowOrAdd("Ｊ-1", 4)).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 200_000})
  void everyIdKeepsItsRowAcrossTheTableGrowing(int count) {
    var index = new PostingIdIndex();
    for (int i = 0; i < count; i++) {
      assertThat(index.firstRowOrAdd("P" + i, i + 2L)).isZero();
    }
    for (int i = 0; i < count; i++) {
      assertThat(index.firstRowOrAdd("P" + i, count + 2L + i)).isEqualTo(i + 2L);
    }
    assertThat(index.size()).isEqualTo(count);
  }

  @Test
  void rowsOutsideTheFileAreRefused() {
    var index = new PostingIdIndex();

    assertThatThrownBy(() -> index.firstRowOrAdd("J-1", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.firstRowOrAdd("J-1", Integer.MAX_VALUE + 1L)).isInstanceOf(IllegalArgumentException.class);
  }
}
