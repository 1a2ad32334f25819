package dev.nayose.ingest.app;

import dev.nayose.ingest.domain.PartReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a body to the object store part by part as it is read: a body that fits in one part with
 * a single put, a longer one as a multipart upload, which is aborted if anything fails so that no
 * parts are left behind. Memory use is the reader's one part buffer.
 */
public class StreamingObjectWriter {
  private final ObjectStore store;

  public StreamingObjectWriter(ObjectStore store) {
    this.store = store;
  }

  /**
   * Stores the body under {@code key}.
   *
   * @param body a reader whose first part has been read ({@link PartReader#next()} returned true)
   */
  public StoredObject write(String key, Map<String, String> metadata, PartReader body) throws IOException {
    return write(key, metadata, body, () -> { });
  }

  /**
   * Stores the body under {@code key}, running {@code afterPart} after each part of a multipart
   * upload is stored (the caller's sign of progress).
   */
  public StoredObject write(String key, Map<String, String> metadata, PartReader body, Runnable afterPart)
      throws IOException {
    if (body.partNumber() != 1) {
      throw new IllegalStateException("the reader must be at its first part");
    }
    if (body.isLast()) {
      String eTag = store.put(key, metadata, body.buffer(), body.length());
      return new StoredObject(key, body.bytes(), body.sha256Hex(), eTag);
    }
    String multipartId = store.startMultipart(key, metadata);
    try {
      List<ObjectStore.PartReceipt> parts = new ArrayList<>();
      do {
        parts.add(store.putPart(key, multipartId, body.partNumber(), body.buffer(), body.length()));
        afterPart.run();
      } while (body.next());
      String eTag = store.completeMultipart(key, multipartId, parts);
      return new StoredObject(key, body.bytes(), body.sha256Hex(), eTag);
    } catch (IOException | RuntimeException | Error e) {
      try {
        store.abortMultipart(key, multipartId);
      } catch (RuntimeException abortFailed) {
        e.addSuppressed(abortFailed);
      }
      throw e;
    }
  }
}
