package dev.nayose.ingest.adapter.in.http;

/** A valid key that does not open what the request asks for: a partner key on {@code /admin/**}. */
class ForbiddenException extends RuntimeException {
  ForbiddenException(String message) {
    super(message);
  }
}
