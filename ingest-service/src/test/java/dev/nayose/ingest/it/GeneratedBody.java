package dev.nayose.ingest.it;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A body of any size made up as it is read, never held in memory: 64 KiB blocks of seeded random
 * text (letters, digits, commas, line ends: a body ingest-service takes for text, not one it refuses
 * as binary), each stamped with its index in hex so that no two blocks are equal. The same size and seed give
 * the same bytes, so the expected SHA-256 is computed by reading a second instance.
 */
final class GeneratedBody extends InputStream {
  private static final int BLOCK = 64 * 1024;

  private final long size;
  private final byte[] pattern = new byte[BLOCK];
  private final byte[] block = new byte[BLOCK];
  private long position;

  GeneratedBody(long size, long seed) {
    this.size = size;
    text(new SplittableRandom(seed), pattern);
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (position >= size) {
      return -1;
    }
    int inBlock = (int) (position % BLOCK);
    if (inBlock == 0) {
      System.arraycopy(pattern, 0, block, 0, BLOCK);
      byte[] index = String.format("%016x", position / BLOCK).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      System.arraycopy(index, 0, block, 0, index.length);
    }
    int n = (int) Math.min(Math.min(len, BLOCK - inBlock), size - position);
    System.arraycopy(block, inBlock, b, off, n);
    position += n;
    return n;
  }

  /** Fills {@code bytes} with random ASCII text of short comma-separated lines. */
  static void text(SplittableRandom random, byte[] bytes) {
    byte[] alphabet = "abcdefghijklmnopqrstuvwxyz0123456789,,,,\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = alphabet[random.nextInt(alphabet.length)];
    }
  }

  static String sha256(long size, long seed) {
    try {
      var in = new GeneratedBody(size, seed);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[BLOCK];
      for (int n; (n = in.read(buffer, 0, buffer.length)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
