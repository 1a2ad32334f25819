package dev.nayose.platform.stage;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.S3EventNotification;
import dev.nayose.contracts.UploadObject;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What a message says about the upload it belongs to: enough to log it, count it and account for
 * it when it is dead-lettered. {@code chunkIndex} is -1 for the upload event itself.
 */
record Correlation(UUID uploadId, int chunkIndex, int rows) {

  static Optional<Correlation> of(Object message) {
    if (message instanceof ChunkSplit c) {
      return Optional.of(new Correlation(c.uploadId(), c.chunkIndex(), c.postings().size()));
    }
    if (message instanceof ChunkMatched c) {
      return Optional.of(new Correlation(c.uploadId(), c.chunkIndex(), c.postings().size()));
    }
    if (message instanceof S3EventNotification e && !e.isTestEvent()) {
      try {
        var object = UploadObject.parse(e.records().get(0).s3().object().decodedKey());
        return Optional.of(new Correlation(object.uploadId(), -1, 0));
      } catch (IllegalArgumentException notOurs) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Best effort for a body that is JSON but not a valid message: its ids, if it has them. */
  static Optional<Correlation> guess(JsonNode tree) {
    try {
      UUID uploadId = UUID.fromString(tree.path("uploadId").asString());
      int rows = tree.path("postings").isArray() ? tree.path("postings").size() : 0;
      return Optional.of(new Correlation(uploadId, tree.path("chunkIndex").asInt(-1), rows));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
