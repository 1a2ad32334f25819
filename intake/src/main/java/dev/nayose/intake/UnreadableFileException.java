package dev.nayose.intake;

/**
 * The file as a whole cannot be read as a posting file: it is empty, has no header, lacks a
 * required column, names a column twice, declares an encoding nayose does not read, or is not
 * well-formed CSV. The upload fails with this message as its reason, which the partner reads, so
 * it says what is wrong and how to fix it.
 */
public class UnreadableFileException extends Exception {
  public UnreadableFileException(String message) {
    super(message);
  }
}
