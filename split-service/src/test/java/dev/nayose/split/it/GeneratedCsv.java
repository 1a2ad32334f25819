package dev.nayose.split.it;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A posting file of any size made up as it is read, never held in memory: a header, then rows
 * {@code P-00000001,株式会社00000001,00000001,<memo>} of one length, where the memo is a column
 * split-service ignores ({@value #MEMO_LENGTH} characters), so that a gigabyte of file makes few,
 * small chunks.
 */
final class GeneratedCsv extends InputStream {
  static final int MEMO_LENGTH = 20_000;
  private static final byte[] HEADER = "posting_id,company_name,salary_min,memo\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MEMO_AND_NEWLINE = ("x".repeat(MEMO_LENGTH) + "\n").getBytes(StandardCharsets.UTF_8);
  /** Bytes of every row. */
  static final int ROW_BYTES = prefix(1).length + MEMO_AND_NEWLINE.length;

  private final long rows;
  private long row;
  private byte[] current = HEADER;
  private int position;
  private boolean inMemo;

  GeneratedCsv(long rows) {
    this.rows = rows;
  }

  /** Rows needed for at least {@code bytes} bytes. */
  static long rowsFor(long bytes) {
    return (bytes - HEADER.length + ROW_BYTES - 1) / ROW_BYTES;
  }

  static long size(long rows) {
    return HEADER.length + rows * ROW_BYTES;
  }

  private static byte[] prefix(long row) {
    return "P-%08d,株式会社%08d,%08d,".formatted(row, row, row).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (position == current.length) {
      if (!inMemo && row > 0) {
        current = MEMO_AND_NEWLINE;
        inMemo = true;
      } else if (row < rows) {
        current = prefix(++row);
        inMemo = false;
      } else {
        return -1;
      }
      position = 0;
    }
    int n = Math.min(len, current.length - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
