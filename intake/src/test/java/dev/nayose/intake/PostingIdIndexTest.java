package dev.nayose.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostingIdIndexTest {
  @TempDir Path spill;

  @Test
  void anIdIsNewOnceAndThenNamesItsFirstRow() {
    try (var index = new PostingIdIndex(spill)) {
      assertThat(index.firstRowOrAdd("J-1", 2)).isZero();
      assertThat(index.firstRowOrAdd("J-2", 3)).isZero();
      assertThat(index.firstRowOrAdd("J-1", 9)).isEqualTo(2);
      assertThat(index.firstRowOrAdd("J-1", 12)).isEqualTo(2);
      assertThat(index.size()).isEqualTo(2);
    }
  }

  @Test
  void idsDifferingOnlyInCaseOrWidthAreDifferentIds() {
    try (var index = new PostingIdIndex(spill)) {
      assertThat(index.firstRowOrAdd("j-1", 2)).isZero();
      assertThat(index.firstRowOrAdd("J-1", 3)).isZero();
      assertThat(index.firstRowOrAdd("Ｊ-1", 4)).isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1_000, 200_000})
  void everyIdKeepsItsRowAcrossTheTableGrowingOnTheHeap(int count) throws IOException {
    try (var index = new PostingIdIndex(spill)) {
      addAndFindAgain(index, count);
      assertThat(index.spilledBytes()).isZero();
    }
    assertThat(filesIn(spill)).isZero();
  }

  @Test
  void pastTheHeapSlotsTheTableIsAFileAndDuplicatesAreFoundOnBothSidesOfTheSwitch() throws IOException {
    // 1,024 slots on the heap hold 768 ids; the 769th moves the table to a file of 2,048 slots
    try (var index = new PostingIdIndex(spill, 1 << 10)) {
      for (int i = 0; i < 768; i++) {
        assertThat(index.firstRowOrAdd("P" + i, i + 2L)).isZero();
      }
      assertThat(index.spilledBytes()).isZero();
      assertThat(index.firstRowOrAdd("P7", 10_000)).as("a duplicate found on the heap").isEqualTo(9);
      assertThat(filesIn(spill)).isZero();

      assertThat(index.firstRowOrAdd("P768", 770)).isZero();
      assertThat(index.spilledBytes()).isEqualTo(2048 * 16);
      assertThat(filesIn(spill)).isEqualTo(1);
      assertThat(Files.size(onlyFile(spill))).isEqualTo(2048 * 16);
      // ids recorded on the heap, and ids recorded in the file, are found in the file
      assertThat(index.firstRowOrAdd("P7", 10_001)).isEqualTo(9);
      assertThat(index.firstRowOrAdd("P768", 10_002)).isEqualTo(770);

      for (int i = 769; i < 100_000; i++) {
        assertThat(index.firstRowOrAdd("P" + i, i + 2L)).isZero();
      }
      for (int i = 0; i < 100_000; i++) {
        assertThat(index.firstRowOrAdd("P" + i, 200_000L + i)).isEqualTo(i + 2L);
      }
      assertThat(index.size()).isEqualTo(100_000);
      // 100,000 ids at most 3/4 full: 2^18 slots; the files grown out of are gone
      assertThat(index.spilledBytes()).isEqualTo((1L << 18) * 16);
      assertThat(filesIn(spill)).isEqualTo(1);
    }
    assertThat(filesIn(spill)).as("the file is deleted on close").isZero();
  }

  @Test
  void theRealSwitchAtTwoToTheTwentySlots() throws IOException {
    int count = PostingIdIndex.HEAP_SLOTS / 4 * 3 + 1_000;
    try (var index = new PostingIdIndex(spill)) {
      addAndFindAgain(index, count);
      assertThat(index.spilledBytes()).isEqualTo(2L * PostingIdIndex.HEAP_SLOTS * 16);
      assertThat(filesIn(spill)).isEqualTo(1);
    }
    assertThat(filesIn(spill)).isZero();
  }

  @Test
  void aSpillDirectoryThatCannotBeWrittenIsNamed() throws IOException {
    Path notADirectory = Files.writeString(spill.resolve("file"), "x");
    try (var index = new PostingIdIndex(notADirectory, 1 << 10)) {
      for (int i = 0; i < 768; i++) {
        index.firstRowOrAdd("P" + i, i + 2L);
      }
      assertThatThrownBy(() -> index.firstRowOrAdd("P768", 770)).hasMessageContaining(notADirectory.toString())
          .hasMessageContaining("spill directory");
    }
  }

  @Test
  void rowsOutsideTheFileAreRefused() {
    try (var index = new PostingIdIndex(spill)) {
      assertThatThrownBy(() -> index.firstRowOrAdd("J-1", 1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> index.firstRowOrAdd("J-1", Integer.MAX_VALUE + 1L))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static void addAndFindAgain(PostingIdIndex index, int count) {
    for (int i = 0; i < count; i++) {
      assertThat(index.firstRowOrAdd("P" + i, i + 2L)).isZero();
    }
    for (int i = 0; i < count; i++) {
      assertThat(index.firstRowOrAdd("P" + i, count + 2L + i)).isEqualTo(i + 2L);
    }
    assertThat(index.size()).isEqualTo(count);
  }

  private static long filesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().startsWith("posting-ids-")).count();
    }
  }

  private static Path onlyFile(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().startsWith("posting-ids-")).findFirst().orElseThrow();
    }
  }
}
