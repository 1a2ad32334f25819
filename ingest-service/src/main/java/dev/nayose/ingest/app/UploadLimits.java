package dev.nayose.ingest.app;

/**
 * @param partSize bytes per multipart part, and so the memory one upload in flight takes
 * @param maxBytes the largest body accepted
 * @param maxConcurrentUploads uploads one instance stores at once; more are refused until one ends
 */
public record UploadLimits(int partSize, long maxBytes, int maxConcurrentUploads) {
  public UploadLimits {
    if (partSize < 1 || maxBytes < 1 || maxConcurrentUploads < 1) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
  }
}
