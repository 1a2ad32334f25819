package dev.nayose.matcher;

import java.util.Arrays;

/**
 * Name bigram → name positions: for each pair of adjacent characters, the names that contain it,
 * as lists whose lengths tell rare grams from common ones.
 */
final class GramIndex {
  /** The gram of a one-character name: the character and a marker no text contains. */
  private static final int LONE = 0xFFFF;

  private final int[] gramKeys;
  private final int[] gramStarts;
  private final int[] gramNames;

  /** The grams of the {@code count} names of {@code names}; a list holds name positions. */
  GramIndex(Arena names, int count) {
    // (gram, name position) pairs sorted, then laid out as lists
    long[] pairs = new long[Math.max(16, names.totalLength() + count)];
    int pairCount = 0;
    int[] grams = new int[64];
    for (int p = 0; p < count; p++) {
      int gramCount = grams(names.chars(), names.start(p), names.end(p), grams);
      if (gramCount > grams.length) {
        grams = new int[gramCount];
        gramCount = grams(names.chars(), names.start(p), names.end(p), grams);
      }
      for (int g = 0; g < gramCount; g++) {
        if (pairCount == pairs.length) {
          pairs = Arrays.copyOf(pairs, pairCount + (pairCount >> 1));
        }
        pairs[pairCount++] = (long) grams[g] << 32 | p;
      }
    }
    Arrays.parallelSort(pairs, 0, pairCount);
    int distinct = 0;
    for (int i = 0; i < pairCount; i++) {
      if (i == 0 || (int) (pairs[i] >>> 32) != (int) (pairs[i - 1] >>> 32)) {
        distinct++;
      }
    }
    this.gramKeys = new int[distinct];
    this.gramStarts = new int[distinct + 1];
    this.gramNames = new int[pairCount];
    int gram = -1;
    for (int i = 0; i < pairCount; i++) {
      int key = (int) (pairs[i] >>> 32);
      if (i == 0 || key != gramKeys[gram]) {
        gramKeys[++gram] = key;
        gramStarts[gram] = i;
      }
      gramNames[i] = (int) pairs[i];
    }
    gramStarts[distinct] = pairCount;
  }

  /** The gram list index of {@code gram}, or -1. */
  int gram(int gram) {
    int at = Arrays.binarySearch(gramKeys, gram);
    return at < 0 ? -1 : at;
  }

  int frequency(int gramIndex) {
    return gramStarts[gramIndex + 1] - gramStarts[gramIndex];
  }

  int listStart(int gramIndex) {
    return gramStarts[gramIndex];
  }

  int listEnd(int gramIndex) {
    return gramStarts[gramIndex + 1];
  }

  int name(int at) {
    return gramNames[at];
  }

  /**
   * The distinct grams of {@code chars[from, to)} into {@code out}: every pair of adjacent characters
   * as {@code first << 16 | second}, or {@code c << 16 | 0xFFFF} for a one-character name. Returns
   * how many; when that exceeds {@code out.length} nothing beyond it was written.
   */
  static int grams(char[] chars, int from, int to, int[] out) {
    int length = to - from;
    if (length <= 0) {
      return 0;
    }
    if (length == 1) {
      if (out.length > 0) {
        out[0] = chars[from] << 16 | LONE;
      }
      return 1;
    }
    if (length - 1 > out.length) {
      return length - 1;
    }
    int n = 0;
    for (int i = from; i + 1 < to; i++) {
      int gram = chars[i] << 16 | chars[i + 1];
      boolean seen = false;
      for (int k = 0; k < n; k++) {
        if (out[k] == gram) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        out[n++] = gram;
      }
    }
    return n;
  }
}
