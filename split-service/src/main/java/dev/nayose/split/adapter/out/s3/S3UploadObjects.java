package dev.nayose.split.adapter.out.s3;

import dev.nayose.split.app.ObjectNotFoundException;
import dev.nayose.split.app.StoredObject;
import dev.nayose.split.app.UploadObjects;
import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The uploads bucket, read with one streamed GetObject per file. */
public final class S3UploadObjects implements UploadObjects {
  private final S3Client s3;
  private final String bucket;

  public S3UploadObjects(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public StoredObject open(String key) {
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = s3.getObject(b -> b.bucket(bucket).key(key));
    } catch (NoSuchKeyException e) {
      throw new ObjectNotFoundException("no object " + key + " in bucket " + bucket, e);
    }
    return new StoredObject(new AbortOnEarlyClose(in), in.response().metadata());
  }

  /**
   * Closing a response stream before its end would make some HTTP clients read the rest to reuse
   * the connection — up to a gigabyte for a file that failed on line 2. Aborting drops it instead.
   */
  private static final class AbortOnEarlyClose extends FilterInputStream {
    private final ResponseInputStream<GetObjectResponse> response;
    private boolean ended;

    AbortOnEarlyClose(ResponseInputStream<GetObjectResponse> response) {
      super(response);
      this.response = response;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      ended |= n < 0;
      return n;
    }

    @Override
    public void close() throws IOException {
      if (!ended) {
        response.abort();
      }
      super.close();
    }
  }
}
