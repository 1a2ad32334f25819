package dev.nayose.matcher;

import java.util.Arrays;

/** Strings laid end to end in one char array. */
final class Arena {
  private final char[] chars;
  private final int[] starts;

  private Arena(char[] chars, int[] starts) {
    this.chars = chars;
    this.starts = starts;
  }

  char[] chars() {
    return chars;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return starts[i + 1];
  }

  int totalLength() {
    return chars.length;
  }

  String string(int i) {
    return new String(chars, starts[i], starts[i + 1] - starts[i]);
  }

  boolean equal(int i, String text) {
    int start = starts[i];
    int length = starts[i + 1] - start;
    if (length != text.length()) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (chars[start + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  boolean equal(int i, Arena other, int j) {
    return Arrays.equals(chars, starts[i], starts[i + 1], other.chars, other.starts[j], other.starts[j + 1]);
  }

  static final class Builder {
    private char[] chars = new char[1024];
    private int[] starts = new int[1025];
    private int count;

    void add(String text) {
      add(text.toCharArray(), 0, text.length());
    }

    void add(char[] source, int from, int to) {
      int length = to - from;
      int at = starts[count];
      if (at + length > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(at + length, chars.length + (chars.length >> 1)));
      }
      System.arraycopy(source, from, chars, at, length);
      if (count + 2 > starts.length) {
        starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1));
      }
      starts[++count] = at + length;
    }

    int count() {
      return count;
    }

    Arena build() {
      return new Arena(Arrays.copyOf(chars, starts[count]), Arrays.copyOf(starts, count + 1));
    }
  }
}
