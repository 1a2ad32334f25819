package dev.nayose.ingest.adapter.in.http;

import java.util.UUID;

/** No upload of the calling partner has this id (another partner's upload is not found either). */
class UploadNotFoundException extends RuntimeException {
  UploadNotFoundException(UUID uploadId) {
    super("no upload " + uploadId);
  }
}
