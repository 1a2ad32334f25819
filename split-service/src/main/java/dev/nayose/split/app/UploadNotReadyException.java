package dev.nayose.split.app;

/**
 * The upload event arrived before the upload's row says the file is stored (S3 notifies as soon
 * as the object exists, ingest-service commits a moment later): transient, the event is retried.
 */
public class UploadNotReadyException extends RuntimeException {
  public UploadNotReadyException(String message) {
    super(message);
  }
}
