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
    TextEncoding declared = parse("encoding", encoding, TextEncoding::parse).flatMap(e -> e).orElse(null);
    TextEncoding declaredInHeader = parse(ENCODING_HEADER, encodingHeader, TextEncoding::parse).flatMap(e -> e)
        .orElse(null);
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
