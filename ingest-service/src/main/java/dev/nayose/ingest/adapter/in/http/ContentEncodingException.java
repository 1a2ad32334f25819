package dev.nayose.ingest.adapter.in.http;

import org.springframework.http.HttpStatus;

/**
 * The request's {@code Content-Encoding} cannot be taken: one nayose does not decode (415,
 * {@link #UNSUPPORTED}), or {@code gzip} over a body that is not gzip (400, {@link #MISMATCH}).
 */
class ContentEncodingException extends RuntimeException {
  static final String UNSUPPORTED = "UNSUPPORTED_CONTENT_ENCODING";
  static final String MISMATCH = "CONTENT_ENCODING_MISMATCH";

  private final HttpStatus status;
  private final String code;

  ContentEncodingException(HttpStatus status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  HttpStatus status() {
    return status;
  }

  String code() {
    return code;
  }
}
