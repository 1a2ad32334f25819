package dev.nayose.matcher;

import java.util.Arrays;

/**
 * The companies' readings (furigana, {@link KanaFolding folded}) sorted by hash: per position the
 * characters (an arena), the hash, the company and how many companies share the reading; per company
 * its reading's position (or -1 when the master has none).
 */
final class KanaTable {
  private final long[] hashes;
  private final int[] companies;
  private final Arena readings;
  private final int[] positionOf;
  private final int[] bearers;

  /**
   * Sorts the {@code count} readings added: reading {@code i} is {@code arena[starts[i], starts[i+1])},
   * hash {@code hashes[i]} ({@link MasterIndex#hash}), company {@code owners[i]} (one reading a company).
   */
  KanaTable(int companyCount, int count, long[] hashes, int[] owners, int[] starts, char[] arena) {
    long[] sorted = Arrays.copyOf(hashes, count);
    int[] order = new int[count];
    Arrays.setAll(order, i -> i);
    LongIntSort.sort(sorted, order, 0, count);
    Arena.Builder builder = new Arena.Builder();
    this.companies = new int[count];
    this.positionOf = new int[companyCount];
    Arrays.fill(positionOf, -1);
    for (int i = 0; i < count; i++) {
      int entry = order[i];
      companies[i] = owners[entry];
      positionOf[owners[entry]] = i;
      builder.add(arena, starts[entry], starts[entry + 1]);
    }
    this.hashes = sorted;
    this.readings = builder.build();
    this.bearers = new int[count];
    for (int i = 0; i < count; ) {
      int end = i;
      while (end < count && sorted[end] == sorted[i]) {
        end++;
      }
      for (int j = i; j < end; j++) {
        int bearing = 0;
        for (int k = i; k < end; k++) {
          bearing += readings.equal(j, readings, k) ? 1 : 0;
        }
        bearers[j] = bearing;
      }
      i = end;
    }
  }

  int count() {
    return hashes.length;
  }

  /** The first position of the folded reading {@code key}, or -1; the others with the same key follow it. */
  int find(String key) {
    if (key.isEmpty()) {
      return -1;
    }
    long hash = MasterIndex.hash(key);
    for (int i = ValueCounts.lowerBound(hashes, hash); i < hashes.length && hashes[i] == hash; i++) {
      if (readings.equal(i, key)) {
        return i;
      }
    }
    return -1;
  }

  /** The companies whose reading is the folded {@code key}, ascending by position. */
  int[] companies(String key) {
    int first = find(key);
    if (first < 0) {
      return new int[0];
    }
    int n = bearers[first];
    int[] out = new int[n];
    int found = 0;
    for (int i = first; i < hashes.length && hashes[i] == hashes[first] && found < n; i++) {
      if (readings.equal(i, key)) {
        out[found++] = companies[i];
      }
    }
    return out;
  }

  /** The position of {@code company}'s reading, or -1. */
  int of(int company) {
    return positionOf[company];
  }

  int company(int position) {
    return companies[position];
  }

  int bearers(int position) {
    return bearers[position];
  }

  int length(int position) {
    return readings.end(position) - readings.start(position);
  }

  String string(int position) {
    return readings.string(position);
  }

  boolean equals(int position, String key) {
    return readings.equal(position, key);
  }

  /** Bytes held by the table's arrays (chars 2 B; an estimate of the heap the readings cost). */
  long bytes() {
    return 2L * readings.totalLength() + 4L * (hashes.length + 1) + 8L * hashes.length + 4L * companies.length + 4L * bearers.length + 4L * positionOf.length;
  }
}
