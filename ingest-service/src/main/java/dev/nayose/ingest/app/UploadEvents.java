package dev.nayose.ingest.app;

/**
 * Tells split-service that an object was stored. In AWS the bucket notification does this and
 * this port is {@link #NONE}; where the S3 implementation cannot notify (S3Proxy locally)
 * ingest-service publishes the same S3 event itself.
 */
@FunctionalInterface
public interface UploadEvents {
  UploadEvents NONE = object -> { };

  void objectCreated(StoredObject object);
}
