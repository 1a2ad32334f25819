package dev.nayose.intake;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The posting ids seen so far in one file, with the row each first appeared in: what finds
 * duplicates in a file of millions of rows without holding the ids themselves, in a heap that does
 * not grow with the file.
 *
 * <p>An id is kept as the first 96 bits of its SHA-256 in an open-addressing table (linear
 * probing, at most 3/4 full) next to its row as an {@code int}: 16 bytes a slot, so 21 to 43 bytes
 * per distinct id. Up to {@value #HEAP_SLOTS} slots (16 MiB) the table is on the heap; a larger
 * one is a memory-mapped temporary file in the spill directory, so that a file of 10 million rows
 * takes 256 MiB of page cache the kernel can write back, not 256 MiB of heap. The file is sparse
 * (an empty slot is zeros), is mapped in segments of 1 GiB (a mapping is at most 2 GiB), is
 * replaced by one twice its size when the table grows and is deleted by {@link #close()}.
 *
 * <p>Two different ids share a fingerprint with probability about n²/2⁹⁷ — 10⁻¹⁶ for 4 million
 * ids — so a duplicate found here is, for every practical purpose, a real one. Rows must fit an
 * {@code int}: 2³¹ lines take more than 4 GB, above any upload nayose accepts.
 */
final class PostingIdIndex implements Closeable {
  /** Slots kept on the heap; a table that must grow beyond this goes to a file. */
  static final int HEAP_SLOTS = 1 << 20;
  private static final int INITIAL_CAPACITY = 1 << 10;

  private final MessageDigest sha256;
  private final Path spillDirectory;
  private final int heapSlots;
  private Table table;
  private long size;

  /** @param spillDirectory where a table too large for the heap is mapped from a temporary file */
  PostingIdIndex(Path spillDirectory) {
    this(spillDirectory, HEAP_SLOTS);
  }

  /** @param heapSlots the most slots on the heap, a power of two (smaller in tests of the switch) */
  PostingIdIndex(Path spillDirectory, int heapSlots) {
    if (Integer.bitCount(heapSlots) != 1 || heapSlots < INITIAL_CAPACITY) {
      throw new IllegalArgumentException("heapSlots must be a power of two of at least " + INITIAL_CAPACITY);
    }
    this.spillDirectory = Objects.requireNonNull(spillDirectory, "spillDirectory");
    this.heapSlots = heapSlots;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    table = new HeapTable(INITIAL_CAPACITY);
  }

  /**
   * Records {@code postingId} at {@code row} unless it was seen before.
   *
   * @return the row it was first seen in, or 0 when it is new (and now recorded)
   * @throws UncheckedIOException when the table must move to, or grow in, the spill directory and cannot
   */
  long firstRowOrAdd(String postingId, long row) {
    if (row < 2 || row > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("row must be 2.." + Integer.MAX_VALUE + ", was " + row);
    }
    ByteBuffer digest = ByteBuffer.wrap(sha256.digest(postingId.getBytes(StandardCharsets.UTF_8)));
    long h = digest.getLong();
    int l = digest.getInt();
    long slot = table.find(h, l);
    int first = table.row(slot);
    if (first != 0) {
      return first;
    }
    table.put(slot, h, l, (int) row);
    if (++size > table.capacity() / 4 * 3) {
      grow();
    }
    return 0;
  }

  /** Distinct ids recorded. */
  long size() {
    return size;
  }

  /** Bytes of the table's file in the spill directory, 0 while the table is on the heap. */
  long spilledBytes() {
    return table instanceof MappedTable mapped ? mapped.capacity() * MappedTable.SLOT_BYTES : 0;
  }

  /** Unmaps and deletes the table's file, if it has one. */
  @Override
  public void close() {
    table.release();
  }

  private void grow() {
    long capacity = table.capacity() * 2;
    Table bigger = capacity <= heapSlots ? new HeapTable(Math.toIntExact(capacity))
        : new MappedTable(spillDirectory, capacity);
    try {
      for (long i = 0; i < table.capacity(); i++) {
        int row = table.row(i);
        if (row != 0) {
          long h = table.high(i);
          int l = table.low(i);
          bigger.put(bigger.find(h, l), h, l, row);
        }
      }
    } catch (RuntimeException e) {
      bigger.release();
      throw e;
    }
    table.release();
    table = bigger;
  }

  /** Slots of (high 64 bits, low 32 bits, row); row 0 marks an empty slot, since rows start at 2. */
  private abstract static class Table {
    abstract long capacity();

    abstract long high(long slot);

    abstract int low(long slot);

    abstract int row(long slot);

    abstract void put(long slot, long high, int low, int row);

    void release() {
    }

    /** The slot holding (h, l), or the empty slot where it belongs; the digest's bits are uniform. */
    final long find(long h, int l) {
      long mask = capacity() - 1;
      long slot = ((h << 32) | (l & 0xFFFF_FFFFL)) & mask;
      while (row(slot) != 0 && (high(slot) != h || low(slot) != l)) {
        slot = (slot + 1) & mask;
      }
      return slot;
    }
  }

  private static final class HeapTable extends Table {
    private final long[] high;
    private final int[] low;
    private final int[] rows;

    HeapTable(int capacity) {
      high = new long[capacity];
      low = new int[capacity];
      rows = new int[capacity];
    }

    @Override
    long capacity() {
      return rows.length;
    }

    @Override
    long high(long slot) {
      return high[(int) slot];
    }

    @Override
    int low(long slot) {
      return low[(int) slot];
    }

    @Override
    int row(long slot) {
      return rows[(int) slot];
    }

    @Override
    void put(long slot, long h, int l, int row) {
      high[(int) slot] = h;
      low[(int) slot] = l;
      rows[(int) slot] = row;
    }
  }

  /** The table in a sparse temporary file, mapped in segments of {@link #SEGMENT_SLOTS} slots. */
  private static final class MappedTable extends Table {
    static final int SLOT_BYTES = 16;
    /** 1 GiB a segment: a power of two, below the 2 GiB a single mapping may hold. */
    static final int SEGMENT_SLOTS = 1 << 26;

    private final long capacity;
    private final Path file;
    private final MappedByteBuffer[] segments;

    MappedTable(Path directory, long capacity) {
      this.capacity = capacity;
      try {
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, "posting-ids-", ".table");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the posting-id table's file in " + directory
            + "; the spill directory must be writable with room for 16 bytes a row", e);
      }
      int count = Math.toIntExact((capacity + SEGMENT_SLOTS - 1) / SEGMENT_SLOTS);
      segments = new MappedByteBuffer[count];
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        for (int i = 0; i < count; i++) {
          long slots = Math.min(SEGMENT_SLOTS, capacity - (long) i * SEGMENT_SLOTS);
          // mapping past the end extends the file with zeros, as holes: no disk is written for empty slots
          segments[i] = channel.map(FileChannel.MapMode.READ_WRITE, (long) i * SEGMENT_SLOTS * SLOT_BYTES,
              slots * SLOT_BYTES);
        }
      } catch (IOException e) {
        release();
        throw new UncheckedIOException("cannot map the posting-id table's file " + file + " of "
            + capacity * SLOT_BYTES + " bytes; the spill directory needs that much room", e);
      }
    }

    @Override
    long capacity() {
      return capacity;
    }

    private MappedByteBuffer segment(long slot) {
      return segments[(int) (slot >>> 26)];
    }

    private static int offset(long slot) {
      return (int) (slot & (SEGMENT_SLOTS - 1)) * SLOT_BYTES;
    }

    @Override
    long high(long slot) {
      return segment(slot).getLong(offset(slot));
    }

    @Override
    int low(long slot) {
      return segment(slot).getInt(offset(slot) + 8);
    }

    @Override
    int row(long slot) {
      return segment(slot).getInt(offset(slot) + 12);
    }

    @Override
    void put(long slot, long h, int l, int row) {
      MappedByteBuffer segment = segment(slot);
      int at = offset(slot);
      segment.putLong(at, h);
      segment.putInt(at + 8, l);
      segment.putInt(at + 12, row);
    }

    @Override
    void release() {
      for (int i = 0; i < segments.length; i++) {
        if (segments[i] != null) {
          Unmapper.unmap(segments[i]);
          segments[i] = null;
        }
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the posting-id table's file " + file, e);
      }
    }
  }

  /**
   * Unmaps a buffer at once rather than when the collector finds it, so that the pages of a table
   * grown out of, or of a file split, are given back now. Java 17 has no public API for it; the
   * JDK's own {@code sun.misc.Unsafe.invokeCleaner} (module jdk.unsupported) does it. Where that is
   * not available the mapping goes with the buffer's collection, as Java intends.
   */
  private static final class Unmapper {
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
      Object unsafe = null;
      Method invokeCleaner = null;
      try {
        Class<?> type = Class.forName("sun.misc.Unsafe");
        Field field = type.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        unsafe = field.get(null);
        invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
      } catch (ReflectiveOperationException | RuntimeException e) {
        unsafe = null;
        invokeCleaner = null;
      }
      UNSAFE = unsafe;
      INVOKE_CLEANER = invokeCleaner;
    }

    static void unmap(MappedByteBuffer buffer) {
      if (INVOKE_CLEANER != null) {
        try {
          INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // left to the collector
        }
      }
    }
  }
}
