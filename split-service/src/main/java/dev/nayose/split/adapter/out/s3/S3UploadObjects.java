package dev.nayose.split.adapter.out.s3;

import dev.nayose.platform.resilience.DependencyGuard;
import dev.nayose.split.app.ObjectNotFoundException;
import dev.nayose.split.app.StoredObject;
import dev.nayose.split.app.UploadObjects;
import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The uploads bucket, read with one streamed GetObject per file. The GetObject request goes
 * through the S3 guard and is retried while S3 fails transiently (NoSuchKey is not transient);
 * the stream it returns is read by the caller afterwards, and a failure while reading it is the
 * caller's: the split starts again from the message's redelivery.
 */
public final class S3UploadObjects implements UploadObjects {
  private final S3Client s3;
  private final String bucket;
  private final DependencyGuard guard;

  public S3UploadObjects(S3Client s3, String bucket, DependencyGuard guard) {
    this.s3 = s3;
    this.bucket = bucket;
    this.guard = guard;
  }

  @Override
  public StoredObject open(String key) {
    ResponseInputStream<GetObjectResponse> in;
    try {
      in = guard.call(() -> s3.getObject(b -> b.bucket(bucket).key(key)));
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
