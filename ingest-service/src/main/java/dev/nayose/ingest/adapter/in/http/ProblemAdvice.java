package dev.nayose.ingest.adapter.in.http;

import dev.nayose.ingest.app.EmptyUploadException;
import dev.nayose.ingest.app.IdempotencyConflictException;
import dev.nayose.ingest.app.IdempotencyKeyInUseException;
import dev.nayose.ingest.app.NotAPostingFileException;
import dev.nayose.ingest.app.TooManyUploadsException;
import dev.nayose.ingest.domain.BodyTooLargeException;
import dev.nayose.intake.FileLimits;
import dev.nayose.intake.FileProblem;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every error as an RFC 9457 problem detail ({@code application/problem+json}) whose
 * {@code detail} says what is wrong and what to do; Spring MVC's own errors (unsupported media type,
 * missing multipart part, upload size exceeded...) through {@link ResponseEntityExceptionHandler}.
 *
 * <p>A problem is read by partners: it never carries an exception's class or message, a host
 * name or anything else of the inside. Each gets an {@code instance} of its own
 * ({@code urn:uuid:…}), logged with the detail operators need (the exception of a 5xx, with its
 * stack trace), so that a partner quoting the instance leads an operator to the log line.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
  /** The property of a problem that programs read: intake's {@code FileProblem} name, or a code of the request's. */
  static final String CODE = "code";
  /** The body is longer than {@code nayose.limits.max-bytes}. */
  static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";
  /** The body did not arrive whole; nothing was stored. */
  static final String NOT_RECEIVED = "NOT_RECEIVED";

  private final long maxBytes;

  ProblemAdvice(FileLimits limits) {
    this.maxBytes = limits.maxBytes();
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
    return logged(ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey")
        .body(problem(HttpStatus.UNAUTHORIZED, "Unauthenticated", e.getMessage())), null);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    return logged(ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "Forbidden",
        e.getMessage())), null);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> noQueue(QueueNotFoundException e) {
    return logged(ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found",
        e.getMessage())), null);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid " + e.parameter(), e.getMessage());
    problem.setProperty("parameter", e.parameter());
    problem.setProperty(CODE, e.code());
    return logged(ResponseEntity.badRequest().body(problem), null);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> empty(EmptyUploadException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Empty upload", e.getMessage());
    problem.setProperty(CODE, FileProblem.EMPTY_FILE.name());
    return logged(ResponseEntity.badRequest().body(problem), null);
  }

  /** The first bytes show a workbook, a PDF, an image, binary data: what it is, what to send instead, nothing stored. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> notAPostingFile(NotAPostingFileException e) {
    ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a posting file", e.getMessage());
    problem.setProperty(CODE, e.problem().name());
    return logged(ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem), null);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> contentEncoding(ContentEncodingException e) {
    ProblemDetail problem = problem(e.status(), "Content-Encoding not taken", e.getMessage());
    problem.setProperty(CODE, e.code());
    return logged(ResponseEntity.status(e.status()).body(problem), null);
  }

  /**
   * A multipart body that cannot be parsed (a wrong or missing boundary, a body cut short). Until
   * this handler it was a 500: the partner's request, not our failure. A body over the limit is
   * {@link MaxUploadSizeExceededException}, handled (413) by the base class.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed multipart body", "the multipart/form-data "
        + "body could not be read: the boundary of its Content-Type must separate the parts and end the body "
        + "(--boundary--); nothing was stored: send the form again, or the file as the raw body (Content-Type: text/csv)");
    problem.setProperty(CODE, "MALFORMED_MULTIPART");
    return logged(ResponseEntity.badRequest().body(problem), e);
  }

  /**
   * A Content-Type the upload does not take (curl's default for --data-binary is
   * application/x-www-form-urlencoded): which ones it takes.
   */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type not taken", "Content-Type '"
        + ex.getContentType() + "' is not taken: send the file as the raw body with Content-Type text/csv (or "
        + "application/octet-stream, application/gzip, application/zip), or as the part 'file' of multipart/form-data "
        + "(curl -H 'Content-Type: text/csv' --data-binary @jobs.csv, or curl -F file=@jobs.csv)");
    problem.setProperty(CODE, "UNSUPPORTED_MEDIA_TYPE");
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  /**
   * A multipart body without the part {@code file}; one without any part at all did not have the
   * boundary its Content-Type names, which is said as a malformed body.
   */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (noParts(request)) {
      ResponseEntity<ProblemDetail> malformed = malformedMultipart(new MultipartException("no part at all"));
      return ResponseEntity.status(malformed.getStatusCode()).body(malformed.getBody());
    }
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Missing file part", "the multipart body has no part '"
        + ex.getRequestPartName() + "' holding a file: send the CSV as the part named 'file' (curl -F file=@jobs.csv)");
    problem.setProperty(CODE, "MISSING_FILE_PART");
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
    ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", e.getMessage());
    problem.setProperty(CODE, BODY_TOO_LARGE);
    problem.setProperty("maxBytes", e.maxBytes());
    problem.setProperty("setting", BodyTooLargeException.SETTING);
    return logged(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem), null);
  }

  /** A multipart body beyond the limit, refused by the multipart resolver: said as a raw body's is. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<ProblemDetail> problem = tooLarge(new BodyTooLargeException(maxBytes));
    return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> notFound(UploadNotFoundException e) {
    return logged(ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "Not found",
        e.getMessage() + " of yours: check the id that POST /v1/uploads answered, and that you use the same API key")),
        null);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> busy(TooManyUploadsException e) {
    return logged(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage())), null);
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
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable body",
        "the request body could not be read to its end (the connection closed early?); nothing was stored:"
            + " send the whole file again");
    problem.setProperty(CODE, NOT_RECEIVED);
    return logged(ResponseEntity.badRequest().body(problem), e);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> storageUnavailable(SdkException e) {
    return logged(unavailable("the file could not be stored; nothing was kept: send it again later"), e);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
    return logged(unavailable("the database is unavailable; retry later"), e);
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    return logged(ResponseEntity.internalServerError()
        .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "the request failed on our side; retry"
            + " later, and if it fails again tell us the problem's instance")), e);
  }

  /** Spring MVC's own problems (415, 405, a missing part...) get an instance and a log line like ours. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      stamp(problem, null);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static boolean noParts(WebRequest request) {
    if (request instanceof org.springframework.web.context.request.ServletWebRequest servlet) {
      try {
        return servlet.getRequest().getParts().isEmpty();
      } catch (IOException | jakarta.servlet.ServletException | RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  private static ResponseEntity<ProblemDetail> unavailable(String detail) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", detail));
  }

  private static ResponseEntity<ProblemDetail> logged(ResponseEntity<ProblemDetail> response, Throwable cause) {
    stamp(response.getBody(), cause);
    return response;
  }

  /**
   * Gives the problem its instance and logs it with what the partner does not see: the exception
   * of a 5xx with its stack trace, of a 4xx its one-line description.
   */
  private static void stamp(ProblemDetail problem, Throwable cause) {
    URI instance = URI.create("urn:uuid:" + UUID.randomUUID());
    problem.setInstance(instance);
    String request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI() : "-";
    if (problem.getStatus() >= 500) {
      log.error("problem {} ({} {}) of {}: {}", instance, problem.getStatus(), problem.getTitle(), request,
          problem.getDetail(), cause);
    } else {
      log.info("problem {} ({} {}) of {}: {}{}", instance, problem.getStatus(), problem.getTitle(), request,
          problem.getDetail(), cause == null ? "" : " (" + cause + ")");
    }
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
