package dev.nayose.platform.stage;

import dev.nayose.contracts.ChunkMatched;
import dev.nayose.contracts.ChunkSplit;
import dev.nayose.contracts.S3EventNotification;
import dev.nayose.contracts.UploadObject;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a message says about the upload it belongs to: enough to log it, count it and account for
 * it when it is dead-lettered. {@code chunkIndex} is -1 for the upload event itself.
 */
public record Correlation(UUID uploadId, int chunkIndex, int rows) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

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

  /**
   * Best effort for any message body, also one that no stage explained (a dead letter the queue's
   * redrive policy moved): a chunk's ids, or the upload of an S3 event's object key.
   */
  public static Optional<Correlation> guess(String body) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (JacksonException notJson) {
      return Optional.empty();
    }
    return guess(tree).or(() -> ofObjectKey(tree.path("Records").path(0).path("s3").path("object").path("key")));
  }

  private static Optional<Correlation> ofObjectKey(JsonNode key) {
    try {
      String decoded = new S3EventNotification.S3Object(key.asString(""), null, null, null, null).decodedKey();
      return Optional.of(new Correlation(UploadObject.parse(decoded).uploadId(), -1, 0));
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
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
