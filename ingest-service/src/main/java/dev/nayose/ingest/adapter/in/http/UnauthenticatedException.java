package dev.nayose.ingest.adapter.in.http;

/** A request to {@code /v1/**} without a valid API key. */
class UnauthenticatedException extends RuntimeException {
  UnauthenticatedException(String message) {
    super(message);
  }
}
