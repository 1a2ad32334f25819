package dev.nayose.platform.resilience;

import java.net.ConnectException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * S3's transient failures as the AWS SDK reports them (after its own quick retries): a client-side
 * failure (the network, a timeout), a 5xx, or throttling (429, 503 SlowDown). Never a 4xx answer
 * such as NoSuchKey (404), AccessDenied (403) or a bad request: S3 decided, and it will decide the
 * same again. Only classes of the SDK's core, which every service has through SQS, are used.
 */
final class S3Failures implements FailureClassifier {

  @Override
  public boolean isTransient(Throwable failure) {
    for (Throwable t : FailureClassifier.chain(failure)) {
      if (t instanceof SdkServiceException service) {
        return service.statusCode() >= 500 || service.statusCode() == 429 || service.isThrottlingException();
      }
      if (t instanceof SdkClientException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean neverReached(Throwable failure) {
    for (Throwable t : FailureClassifier.chain(failure)) {
      if (t instanceof SdkServiceException service) {
        // throttled: S3 refused the request instead of acting on it
        return service.statusCode() == 429 || service.statusCode() == 503 || service.isThrottlingException();
      }
      if (t instanceof ConnectException || t instanceof UnknownHostException) {
        return true;
      }
    }
    return false;
  }
}
