package dev.nayose.ingest.adapter.in.http;

import dev.nayose.contracts.TextEncoding;
import dev.nayose.ingest.app.UploadRequest;
import dev.nayose.ingest.domain.CallbackUrl;
import dev.nayose.ingest.domain.FileName;
import dev.nayose.ingest.domain.IdempotencyKey;
import java.util.Optional;
import java.util.function.Function;

/** Reads an upload's query parameters and headers into an {@link UploadRequest}, naming any that is wrong. */
final class UploadParameters {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String ENCODING_HEADER = "X-Nayose-Encoding";

  private UploadParameters() {}

  static UploadRequest read(String partnerId, String idempotencyKey, String encoding, String encodingHeader,
      String fileName, String callbackUrl) {
    TextEncoding declared = encoding("encoding", encoding);
    TextEncoding declaredInHeader = encoding(ENCODING_HEADER, encodingHeader);
    if (declared != null && declaredInHeader != null && declared != declaredInHeader) {
      throw new BadRequestException("encoding", "the encoding parameter (" + encoding + ") and the "
          + ENCODING_HEADER + " header (" + encodingHeader + ") disagree");
    }
    return new UploadRequest(partnerId,
        parse(IDEMPOTENCY_KEY, idempotencyKey, IdempotencyKey::new).orElse(null),
        parse("filename", fileName, FileName::of).flatMap(f -> f).orElse(null),
        declared != null ? declared : declaredInHeader,
        parse("callbackUrl", callbackUrl, CallbackUrl::parse).orElse(null));
  }

  /** A declared encoding, refused as {@code UNSUPPORTED_ENCODING} when nayose does not read it. */
  private static TextEncoding encoding(String parameter, String value) {
    try {
      return parse(parameter, value, TextEncoding::parse).flatMap(e -> e).orElse(null);
    } catch (BadRequestException e) {
      throw new BadRequestException(parameter, BadRequestException.UNSUPPORTED_ENCODING, e.getMessage());
    }
  }

  private static <T> Optional<T> parse(String parameter, String value, Function<String, T> parser) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(value));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(parameter, e.getMessage());
    }
  }
}
