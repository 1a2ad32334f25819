package dev.nayose.ingest.adapter.in.http;

/**
 * A request parameter or header that cannot be accepted; {@code parameter} names it and
 * {@code code} says why, for a partner's program: {@link #INVALID_PARAMETER}, or
 * {@link #UNSUPPORTED_ENCODING} for a declared encoding nayose does not read.
 */
class BadRequestException extends RuntimeException {
  static final String INVALID_PARAMETER = "INVALID_PARAMETER";
  static final String UNSUPPORTED_ENCODING = "UNSUPPORTED_ENCODING";

  private final String parameter;
  private final String code;

  BadRequestException(String parameter, String message) {
    this(parameter, INVALID_PARAMETER, message);
  }

  BadRequestException(String parameter, String code, String message) {
    super(message);
    this.parameter = parameter;
    this.code = code;
  }

  String parameter() {
    return parameter;
  }

  String code() {
    return code;
  }
}
