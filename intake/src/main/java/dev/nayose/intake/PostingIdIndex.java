package dev.nayose.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The posting ids seen so far in one file, with the row each first appeared in: what finds
 * duplicates in a file of millions of rows without holding the ids themselves.
 *
 * <p>An id is kept as the first 96 bits of its SHA-256 in an open-addressing table (linear
 * probing, at most 3/4 full) next to its row as an {@code int}: 16 bytes a slot, so 21 to 43 bytes
 * per distinct id (a {@code HashMap<String, Long>} of short ids takes about 100), and a 1 GB file of
 * 4 million rows needs some 200 MB at the moment the table doubles. Two different ids share a
 * fingerprint with probability about n²/2⁹⁷ — 10⁻¹⁶ for 4 million ids — so a duplicate found here
 * is, for every practical purpose, a real one. Rows must fit an {@code int}: 2³¹ lines take more
 * than 4 GB, above any upload nayose accepts.
 */
final class PostingIdIndex {
  private static final int INITIAL_CAPACITY = 1 << 10;

  private final MessageDigest sha256;
  private long[] high = new long[INITIAL_CAPACITY];
  private int[] low = new int[INITIAL_CAPACITY];
  /** 0 marks an empty slot: rows start at 2. */
  private int[] rows = new int[INITIAL_CAPACITY];
  private int size;

  PostingIdIndex() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Records {@code postingId} at {@code row} unless it was seen before.
   *
   * @return the row it was first seen in, or 0 when it is new (and now recorded)
   */
  long firstRowOrAdd(String postingId, long row) {
    if (row < 2 || row > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("row must be 2.." + Integer.MAX_VALUE + ", was " + row);
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(postingId.getBytes(StandardCharsets.UTF_8)));
    long h = digest.getLong();
    int l = digest.getInt();
    int slot = find(high, low, rows, h, l);
    if (rows[slot] != 0) {
      return rows[slot];
    }
    high[slot] = h;
    low[slot] = l;
    rows[slot] = (int) row;
    if (++size > rows.length / 4 * 3) {
      grow();
    }
    return 0;
  }

  /** Distinct ids recorded. */
  int size() {
    return size;
  }

  /** The slot holding (h, l), or the empty slot where it belongs; the digest's bits are uniform. */
  private static int find(long[] high, int[] low, int[] rows, long h, int l) {
    int mask = rows.length - 1;
    int slot = l & mask;
    while (rows[slot] != 0 && (high[slot] != h || low[slot] != l)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    int capacity = rows.length * 2;
    long[] newHigh = new long[capacity];
    int[] newLow = new int[capacity];
    int[] newRows = new int[capacity];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] != 0) {
        int slot = find(newHigh, newLow, newRows, high[i], low[i]);
        newHigh[slot] = high[i];
        newLow[slot] = low[i];
        newRows[slot] = rows[i];
      }
    }
    high = newHigh;
    low = newLow;
    rows = newRows;
  }
}
