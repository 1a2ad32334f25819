package dev.nayose.matcher;

/**
 * Sorts pairs held in two parallel arrays, {@code (keys[i], values[i])}, ascending by key and then
 * by value — what the index needs to sort a few million entries without boxing them.
 */
final class LongIntSort {
  private static final int INSERTION_SORT_BELOW = 24;

  private LongIntSort() {}

  /** Sorts the pairs at {@code [from, to)}. */
  static void sort(long[] keys, int[] values, int from, int to) {
    // recurse into the smaller side and loop on the larger, so the stack stays O(log n)
    while (to - from > INSERTION_SORT_BELOW) {
      int pivot = medianOfThree(keys, values, from, (from + to) >>> 1, to - 1);
      long pivotKey = keys[pivot];
      int pivotValue = values[pivot];
      int i = from;
      int j = to - 1;
      while (i <= j) {
        while (less(keys[i], values[i], pivotKey, pivotValue)) {
          i++;
        }
        while (less(pivotKey, pivotValue, keys[j], values[j])) {
          j--;
        }
        if (i <= j) {
          swap(keys, values, i++, j--);
        }
      }
      if (j + 1 - from < to - i) {
        sort(keys, values, from, j + 1);
        from = i;
      } else {
        sort(keys, values, i, to);
        to = j + 1;
      }
    }
    for (int i = from + 1; i < to; i++) {
      long key = keys[i];
      int value = values[i];
      int j = i - 1;
      while (j >= from && less(key, value, keys[j], values[j])) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = key;
      values[j + 1] = value;
    }
  }

  private static boolean less(long key, int value, long otherKey, int otherValue) {
    return key < otherKey || (key == otherKey && value < otherValue);
  }

  private static int medianOfThree(long[] keys, int[] values, int a, int b, int c) {
    if (less(keys[a], values[a], keys[b], values[b])) {
      if (less(keys[b], values[b], keys[c], values[c])) {
        return b;
      }
      return less(keys[a], values[a], keys[c], values[c]) ? c : a;
    }
    if (less(keys[a], values[a], keys[c], values[c])) {
      return a;
    }
    return less(keys[b], values[b], keys[c], values[c]) ? c : b;
  }

  private static void swap(long[] keys, int[] values, int i, int j) {
    long key = keys[i];
    keys[i] = keys[j];
    keys[j] = key;
    int value = values[i];
    values[i] = values[j];
    values[j] = value;
  }
}
