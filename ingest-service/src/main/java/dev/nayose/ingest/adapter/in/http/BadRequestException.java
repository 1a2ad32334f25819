package dev.nayose.ingest.adapter.in.http;

/** A request parameter or header that cannot be accepted; {@code parameter} names it. */
class BadRequestException extends RuntimeException {
  private final String parameter;

  BadRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  String parameter() {
    return parameter;
  }
}
