package dev.nayose.ingest.adapter.in.http;

/** A request to {@code /v1/**} without a valid partner key, or to {@code /admin/**} without a valid operator key. */
class UnauthenticatedException extends RuntimeException {
  UnauthenticatedException(String message) {
    super(message);
  }
}
