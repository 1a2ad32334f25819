package dev.nayose.ingest.app;

/** Every upload slot of this instance is taken; the partner should retry shortly. */
public class TooManyUploadsException extends RuntimeException {
  public TooManyUploadsException(int slots) {
    super("this instance is already receiving " + slots + " uploads; retry shortly");
  }
}
