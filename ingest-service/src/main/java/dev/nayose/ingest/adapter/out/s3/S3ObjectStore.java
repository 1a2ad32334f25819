package dev.nayose.ingest.adapter.out.s3;

import dev.nayose.ingest.app.ObjectStore;
import dev.nayose.ingest.app.StoredObject;
import dev.nayose.platform.resilience.DependencyGuard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The uploads bucket through the synchronous S3 client. Parts carry a CRC32 checksum that S3
 * verifies, declared when the multipart upload starts and repeated when it completes, as S3
 * requires when parts carry checksums.
 *
 * <p>Every request goes through the S3 guard. A put or a part is retried after any transient
 * failure: its bytes are the caller's buffer, readable again for the call's whole duration, and
 * storing the same bytes under the same key or part number again is harmless; so are an abort and
 * a delete. Starting and completing a multipart upload are retried only when S3 was not reached
 * or throttled the request: a repeated start would leave an orphan upload behind, and a repeated
 * completion of a completed upload fails with NoSuchUpload. The request body stream of the
 * partner is never touched here: the caller reads it into the buffer before each call.
 */
public final class S3ObjectStore implements ObjectStore {
  private static final String CONTENT_TYPE = "text/csv";

  private final S3Client s3;
  private final String bucket;
  private final DependencyGuard guard;

  public S3ObjectStore(S3Client s3, String bucket, DependencyGuard guard) {
    this.s3 = s3;
    this.bucket = bucket;
    this.guard = guard;
  }

  @Override
  public String put(String key, Map<String, String> metadata, byte[] bytes, int length) {
    return guard.call(() -> s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata).contentType(CONTENT_TYPE)
        .contentLength((long) length), body(bytes, length)).eTag());
  }

  @Override
  public String startMultipart(String key, Map<String, String> metadata) {
    return guard.callAtMostOnce(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key).metadata(metadata)
        .contentType(CONTENT_TYPE).checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId());
  }

  @Override
  public PartReceipt putPart(String key, String multipartId, int partNumber, byte[] bytes, int length) {
    var response = guard.call(() -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(multipartId)
        .partNumber(partNumber).contentLength((long) length).checksumAlgorithm(ChecksumAlgorithm.CRC32),
        body(bytes, length)));
    return new PartReceipt(partNumber, response.eTag(), response.checksumCRC32());
  }

  @Override
  public String completeMultipart(String key, String multipartId, List<PartReceipt> parts) {
    List<CompletedPart> completed = parts.stream()
        .map(p -> CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag()).checksumCRC32(p.checksum()).build())
        .toList();
    return guard.callAtMostOnce(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(multipartId)
        .multipartUpload(m -> m.parts(completed))).eTag());
  }

  @Override
  public void abortMultipart(String key, String multipartId) {
    guard.run(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(multipartId)));
  }

  @Override
  public void delete(String key) {
    guard.run(() -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
  }

  @Override
  public Optional<StoredObject> digest(String key) {
    return guard.call(() -> {
      try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        long bytes = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
          sha256.update(buffer, 0, n);
          bytes += n;
        }
        return Optional.of(new StoredObject(key, bytes, HexFormat.of().formatHex(sha256.digest()), in.response().eTag()));
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException("reading object " + key + " failed", e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    });
  }

  /** A body the SDK can read again on a retry, without copying the caller's buffer. */
  private static RequestBody body(byte[] bytes, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, CONTENT_TYPE);
  }
}
