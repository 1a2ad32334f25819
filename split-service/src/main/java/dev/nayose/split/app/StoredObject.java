package dev.nayose.split.app;

import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * An uploaded file being read from storage.
 *
 * @param content the bytes, streamed; closing it releases the connection without reading the rest
 * @param metadata the user metadata stored with it (names as in {@link dev.nayose.contracts.UploadObject})
 */
public record StoredObject(InputStream content, Map<String, String> metadata) {
  public StoredObject {
    Objects.requireNonNull(content, "content");
    metadata = Map.copyOf(metadata);
  }
}
