package dev.nayose.ingest.app;

/** An upload without a single byte. */
public class EmptyUploadException extends RuntimeException {
  public EmptyUploadException() {
    super("the upload is empty: send the CSV file as the request body or as the multipart part 'file'");
  }
}
