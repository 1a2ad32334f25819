package dev.nayose.matcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised names, current and former, sorted by hash: per position the characters (an
 * arena), the hash, the company and whether it is a former name, and how many companies bear the
 * name; per company its current name position and its former ones.
 */
final class NameTable {
  /** The bit of a name reference ({@code company << 1 | FORMER}) that marks a former name. */
  static final int FORMER = 1;
  private static final int[] NONE = new int[0];

  private final long[] hashes;
  private final int[] refs;
  private final Arena names;
  private final int[] currentName;
  /** How many companies bear the name at each position (current or former). */
  private final int[] bearers;
  private final Map<Integer, int[]> formerNames;

  /**
   * Sorts the {@code count} names added: name {@code i} is {@code arena[starts[i], starts[i+1])}
   * with hash {@code hashes[i]} ({@link MasterIndex#hash}) and reference {@code refs[i]}.
   */
  NameTable(int companies, int count, long[] hashes, int[] refs, int[] starts, char[] arena) {
    long[] sorted = Arrays.copyOf(hashes, count);
    int[] order = new int[count];
    Arrays.setAll(order, i -> i);
    LongIntSort.sort(sorted, order, 0, count);
    Arena.Builder nameArena = new Arena.Builder();
    this.refs = new int[count];
    this.currentName = new int[companies];
    Arrays.fill(currentName, -1);
    for (int i = 0; i < count; i++) {
      int entry = order[i];
      this.refs[i] = refs[entry];
      nameArena.add(arena, starts[entry], starts[entry + 1]);
      if ((this.refs[i] & FORMER) == 0) {
        currentName[this.refs[i] >>> 1] = i;
      }
    }
    this.hashes = sorted;
    this.names = nameArena.build();
    this.bearers = new int[count];
    for (int i = 0; i < count; ) {
      int end = i;
      boolean collision = false;
      while (end < count && sorted[end] == sorted[i]) {
        collision |= !names.equal(i, names, end);
        end++;
      }
      for (int j = i; j < end; j++) {
        // 64-bit hash collisions are rare enough to be counted the slow way
        int bearing = end - i;
        if (collision) {
          bearing = 0;
          for (int k = i; k < end; k++) {
            bearing += names.equal(j, names, k) ? 1 : 0;
          }
        }
        bearers[j] = bearing;
      }
      i = end;
    }

    Map<Integer, List<Integer>> former = new HashMap<>();
    for (int p = 0; p < count; p++) {
      if ((this.refs[p] & FORMER) != 0) {
        former.computeIfAbsent(this.refs[p] >>> 1, c -> new ArrayList<>()).add(p);
      }
    }
    Map<Integer, int[]> positions = new HashMap<>();
    former.forEach((c, list) -> positions.put(c, list.stream().mapToInt(Integer::intValue).toArray()));
    this.formerNames = Map.copyOf(positions);
  }

  /** The names' characters, for {@link GramIndex}. */
  Arena arena() {
    return names;
  }

  int count() {
    return hashes.length;
  }

  int formerCount() {
    return hashes.length - (int) Arrays.stream(currentName).filter(p -> p >= 0).count();
  }

  /** The position of {@code key}, or -1; further positions with the same key follow it. */
  int find(String key) {
    if (key.isEmpty()) {
      return -1;
    }
    long hash = MasterIndex.hash(key);
    for (int i = ValueCounts.lowerBound(hashes, hash); i < hashes.length && hashes[i] == hash; i++) {
      if (names.equal(i, key)) {
        return i;
      }
    }
    return -1;
  }

  int runEnd(int position) {
    int end = position;
    while (end < hashes.length && hashes[end] == hashes[position]) {
      end++;
    }
    return end;
  }

  boolean equals(int position, String key) {
    return names.equal(position, key);
  }

  char[] chars() {
    return names.chars();
  }

  int start(int position) {
    return names.start(position);
  }

  int length(int position) {
    return names.end(position) - names.start(position);
  }

  String string(int position) {
    return names.string(position);
  }

  int company(int position) {
    return refs[position] >>> 1;
  }

  boolean isFormer(int position) {
    return (refs[position] & FORMER) != 0;
  }

  int bearers(int position) {
    return bearers[position];
  }

  int current(int company) {
    return currentName[company];
  }

  int[] former(int company) {
    int[] positions = formerNames.get(company);
    return positions == null ? NONE : positions;
  }
}
