package dev.nayose.ingest.adapter.in.http;

import dev.nayose.ingest.app.EmptyUploadException;
import dev.nayose.ingest.app.IdempotencyConflictException;
import dev.nayose.ingest.app.IdempotencyKeyInUseException;
import dev.nayose.ingest.app.TooManyUploadsException;
import dev.nayose.ingest.domain.BodyTooLargeException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every error as an RFC 9457 problem detail ({@code application/problem+json}) whose
 * {@code detail} says what is wrong; Spring MVC's own errors (unsupported media type, missing
 * multipart part, upload size exceeded...) through {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey")
        .body(problem(HttpStatus.UNAUTHORIZED, "Unauthenticated", e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> noQueue(QueueNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid " + e.parameter(), e.getMessage());
    problem.setProperty("parameter", e.parameter());
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> empty(EmptyUploadException e) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Empty upload", e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
    ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage());
    problem.setProperty("maxBytes", e.maxBytes());
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notFound(UploadNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> busy(TooManyUploadsException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage()));
  }

  /** The idempotency key names an upload of a different file: names that upload, and asks for a new key. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> idempotencyConflict(IdempotencyConflictException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Idempotency-Key reused for a different file", e.getMessage());
    problem.setProperty("uploadId", e.firstUploadId());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  /** The idempotency key's first upload is still being stored: send the same request again shortly. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> idempotencyKeyInUse(IdempotencyKeyInUseException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "Idempotency-Key in use", e.getMessage());
    problem.setProperty("uploadId", e.firstUploadId());
    return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
  }

  /** The body could not be read: mostly the partner went away mid-upload. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadable(IOException e) {
    log.info("upload body could not be read: {}", e.toString());
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable body",
        "the request body could not be read to its end: " + e.getMessage()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> storageUnavailable(SdkException e) {
    log.error("object storage failed: {}", e.toString());
    return unavailable("the file could not be stored; retry later");
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
    log.error("database failed: {}", e.toString());
    return unavailable("the database is unavailable; retry later");
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    log.error("request failed", e);
    return ResponseEntity.internalServerError()
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed; retry later"));
  }

  private static ResponseEntity<ProblemDetail> unavailable(String detail) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", detail));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
