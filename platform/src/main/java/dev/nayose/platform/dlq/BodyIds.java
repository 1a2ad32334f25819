package dev.nayose.platform.dlq;

import dev.nayose.contracts.UploadObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload, chunk and number of postings a message body names, read without trusting it: a chunk message's
 * {@code uploadId} and {@code chunkIndex}, or the upload id in the object key of an S3 event. For
 * dead letters that came without reason attributes.
 */
record BodyIds(String uploadId, String chunk, int rows) {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final BodyIds UNKNOWN = new BodyIds(null, null, 0);

  /** The ids the body names; each null when it does not say. */
  static BodyIds of(String body) {
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (JacksonException notJson) {
      return UNKNOWN;
    }
    if (tree.path("uploadId").isString()) {
      JsonNode chunk = tree.path("chunkIndex");
      int rows = tree.path("postings").isArray() ? tree.path("postings").size() : 0;
      return new BodyIds(tree.path("uploadId").asString(), chunk.isIntegralNumber() ? chunk.asString() : null, rows);
    }
    String key = tree.path("Records").path(0).path("s3").path("object").path("key").asString("");
    try {
      String decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
      return new BodyIds(UploadObject.parse(decoded).uploadId().toString(), "-1", 0);
    } catch (IllegalArgumentException notOurs) {
      return UNKNOWN;
    }
  }
}
