package dev.nayose.ingest.adapter.in.http;

import dev.nayose.ingest.app.DryRunHandler;
import dev.nayose.ingest.app.Receipt;
import dev.nayose.ingest.app.UploadHandler;
import dev.nayose.ingest.app.UploadLimits;
import dev.nayose.ingest.app.UploadQueries;
import dev.nayose.ingest.app.UploadRequest;
import dev.nayose.ingest.domain.BodyTooLargeException;
import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadRejection;
import dev.nayose.platform.ledger.UploadWarning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Partners upload CSV files and follow them. Every operation needs the partner's API key ({@link ApiKeyFilter}). */
@RestController
@RequestMapping(path = "/v1/uploads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "uploads", description = "Upload job-posting CSV files and follow their processing")
@SecurityRequirement(name = OpenApiDocument.API_KEY)
@SecurityRequirement(name = OpenApiDocument.BEARER)
@ApiResponse(responseCode = "401", description = "No API key, or one that is unknown or revoked",
    content = @Content(mediaType = UploadController.PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
class UploadController {
  static final String TEXT_CSV = "text/csv";
  static final String PROBLEM = "application/problem+json";
  private static final int MAX_LIST_LIMIT = 100;
  private static final int MAX_REJECTIONS_LIMIT = 1_000;
  /** A real dry run's answer, as captured for the README ("Check before sending"). */
  static final String DRY_RUN_EXAMPLE = """
      {"dryRun":true,"readable":true,"wouldBe":"ACCEPTED","failureCode":null,"failureReason":null,
       "container":"plain","encoding":"UTF-8","encodingDeclared":false,
       "header":[{"position":1,"header":"求人ID","field":"posting_id"},{"position":2,"header":"会社名","field":"company_name"},
                 {"position":3,"header":"給与下限","field":"salary_min"},{"position":4,"header":"社内メモ","field":null}],
       "rows":{"total":3,"kept":2,"rejected":1,"withWarnings":1},"warnings":1,"chunks":1,
       "rejectionsByCode":{"MISSING_VALUE":1},"warningsByCode":{"INVALID_AMOUNT":1},
       "firstRejections":[{"row":3,"column":"company_name","code":"MISSING_VALUE","reason":"会社名 (company_name) is empty"}],
       "firstWarnings":[{"row":4,"column":"salary_min","code":"INVALID_AMOUNT","value":"応相談",
         "reason":"給与下限 (salary_min) \\"応相談\\" is not a whole number of yen (write e.g. 350000, 350,000 or 350000円); the posting is loaded without it"}]}
      """;

  private final UploadHandler handler;
  private final DryRunHandler dryRuns;
  private final UploadQueries queries;
  private final long maxBytes;

  UploadController(UploadHandler handler, DryRunHandler dryRuns, UploadQueries queries, UploadLimits limits) {
    this.handler = handler;
    this.dryRuns = dryRuns;
    this.queries = queries;
    this.maxBytes = limits.maxBytes();
  }

  @PostMapping(consumes = {TEXT_CSV, MediaType.APPLICATION_OCTET_STREAM_VALUE, "application/gzip", "application/x-gzip",
      "application/zip", "application/x-zip-compressed"})
  @Operation(summary = "Upload a CSV file",
      description = "The file is the raw request body (text/csv, application/octet-stream, application/gzip or application/zip) or the part 'file' of "
          + "a multipart/form-data body: CSV text, or a gzip or a zip holding one CSV (stored as sent, opened when "
          + "split; Content-Encoding: gzip is taken the same way). A file whose first bytes show another kind (an "
          + "Excel workbook, a PDF, an image, binary data) is refused at once (415). It is streamed to storage; the answer comes once it is stored. A repeated "
          + "Idempotency-Key with the same file (SHA-256) answers with the upload the first request created and "
          + "stores nothing; with a different file it is refused (409). Keys expire 24 hours after their upload. "
          + "With dryRun=true the file is read as the pipeline would read it and the answer (200) says what a real "
          + "upload would become: the encoding found, the header mapping, the row counts, the first rejections and "
          + "warnings; nothing is stored, loaded or announced. A file that cannot be read is a 200 too, with "
          + "readable false and failureCode/failureReason. A dry run takes an upload slot (503 when busy) and has "
          + "the upload's size limit (413).")
  @Parameter(name = "dryRun", in = ParameterIn.QUERY, schema = @Schema(type = "boolean", defaultValue = "false"),
      description = "true: only check the file (answer 200 with the report), store nothing")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
      @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/gzip", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")),
      @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = MultipartUpload.class))})
  @ApiResponse(responseCode = "202", description = "Stored; processing follows at statusUrl (Location)")
  @ApiResponse(responseCode = "200", description = "dryRun=true: what a real upload of the file would become",
      content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
          schema = @Schema(implementation = DryRunReport.class),
          examples = @ExampleObject(name = "rows rejected and warned", value = DRY_RUN_EXAMPLE)))
  @ApiResponse(responseCode = "400", description = "Empty body, a wrong parameter, Content-Encoding: gzip over a body "
      + "that is not gzip (code CONTENT_ENCODING_MISMATCH), a multipart body without the part 'file' "
      + "(MISSING_FILE_PART) or one that cannot be parsed (MALFORMED_MULTIPART)",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "409", description = "The Idempotency-Key names an upload of a different file, or its "
      + "first upload is still being stored (Retry-After)",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "415", description = "Not a posting file: its first bytes show a workbook, a PDF, an image, "
      + "an archive nayose does not open or binary data (code UNSUPPORTED_FORMAT or NOT_TEXT, the detail says what to "
      + "send instead); or a Content-Encoding other than gzip (code UNSUPPORTED_CONTENT_ENCODING). Nothing is stored",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "413", description = "Larger than allowed", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "503", description = "Busy or storage unavailable; retry later",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<UploadAccepted> upload(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @Parameter(description = "Makes retries safe: the same key and file answer with the same upload for 24 hours")
      @RequestHeader(name = UploadParameters.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Parameter(description = "Declared text encoding: UTF-8 or Shift_JIS (detected when absent)")
      @RequestParam(required = false) String encoding,
      @Parameter(in = ParameterIn.HEADER, description = "Declared text encoding, as the encoding parameter")
      @RequestHeader(name = UploadParameters.ENCODING_HEADER, required = false) String encodingHeader,
      @Parameter(description = "The file's name") @RequestParam(required = false) String filename,
      @Parameter(description = "Absolute http(s) URL to call when the upload has been processed")
      @RequestParam(required = false) String callbackUrl,
      @Parameter(hidden = true) HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    UploadRequest upload = UploadParameters.read(partner.id(), idempotencyKey, encoding, encodingHeader, filename,
        callbackUrl);
    try (InputStream body = asSent(request.getHeader(HttpHeaders.CONTENT_ENCODING), request.getInputStream())) {
      return accepted(handler.receive(upload, body));
    }
  }

  /**
   * The body as sent, to be stored so: a gzip body ({@code Content-Encoding: gzip}) is kept
   * compressed and opened by split-service, as a {@code .gz} file sent without the header is; so
   * the header is only checked against the body's first bytes. Any other coding is refused.
   */
  static InputStream asSent(String contentEncoding, InputStream body) throws IOException {
    if (contentEncoding == null || contentEncoding.isBlank()
        || contentEncoding.strip().equalsIgnoreCase("identity")) {
      return body;
    }
    String coding = contentEncoding.strip().toLowerCase(Locale.ROOT);
    if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
      throw new ContentEncodingException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ContentEncodingException.UNSUPPORTED,
          "Content-Encoding '" + contentEncoding.strip() + "' is not supported: send the file uncompressed, or "
              + "gzip-compressed with Content-Encoding: gzip (or as a .gz file, or a zip holding the CSV)");
    }
    var in = new PushbackInputStream(body, 2);
    byte[] magic = in.readNBytes(2);
    in.unread(magic);
    if (magic.length > 0 && (magic.length < 2 || magic[0] != 0x1F || magic[1] != (byte) 0x8B)) {
      throw new ContentEncodingException(HttpStatus.BAD_REQUEST, ContentEncodingException.MISMATCH,
          "the request says Content-Encoding: gzip, but the body is not gzip-compressed (it does not start with "
              + "the gzip bytes 1F 8B); nothing was stored: send it without that header, or compress it with gzip");
    }
    return in;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(hidden = true)
  ResponseEntity<UploadAccepted> uploadMultipart(
      @RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @RequestHeader(name = UploadParameters.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestParam(required = false) String encoding,
      @RequestHeader(name = UploadParameters.ENCODING_HEADER, required = false) String encodingHeader,
      @RequestParam(required = false) String filename,
      @RequestParam(required = false) String callbackUrl,
      @RequestPart("file") MultipartFile file,
      @RequestHeader(name = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding) throws IOException {
    if (contentEncoding != null && !contentEncoding.isBlank() && !contentEncoding.strip().equalsIgnoreCase("identity")) {
      throw new ContentEncodingException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ContentEncodingException.UNSUPPORTED,
          "Content-Encoding '" + contentEncoding.strip() + "' is not supported on a multipart body: send the form "
              + "uncompressed; a part 'file' may itself be a .gz or .zip file");
    }
    String name = filename == null || filename.isBlank() ? file.getOriginalFilename() : filename;
    UploadRequest upload = UploadParameters.read(partner.id(), idempotencyKey, encoding, encodingHeader, name,
        callbackUrl);
    // the multipart resolver spooled the part to disk; this reads it from there
    try (InputStream body = file.getInputStream()) {
      return accepted(handler.receive(upload, body));
    }
  }

  @PostMapping(params = "dryRun=true", consumes = {TEXT_CSV, MediaType.APPLICATION_OCTET_STREAM_VALUE})
  @Operation(hidden = true)
  DryRunReport dryRun(@RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @RequestParam(required = false) String encoding,
      @RequestHeader(name = UploadParameters.ENCODING_HEADER, required = false) String encodingHeader,
      @RequestParam(required = false) String filename,
      HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
    UploadRequest upload = UploadParameters.read(partner.id(), null, encoding, encodingHeader, filename, null);
    try (InputStream body = asSent(request.getHeader(HttpHeaders.CONTENT_ENCODING), request.getInputStream())) {
      return DryRunReport.of(dryRuns.check(upload, body));
    }
  }

  @PostMapping(params = "dryRun=true", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(hidden = true)
  DryRunReport dryRunMultipart(@RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @RequestParam(required = false) String encoding,
      @RequestHeader(name = UploadParameters.ENCODING_HEADER, required = false) String encodingHeader,
      @RequestParam(required = false) String filename,
      @RequestPart("file") MultipartFile file) throws IOException {
    UploadRequest upload = UploadParameters.read(partner.id(), null, encoding, encodingHeader, filename, null);
    try (InputStream body = file.getInputStream()) {
      return DryRunReport.of(dryRuns.check(upload, body));
    }
  }

  @GetMapping("/{uploadId}")
  @Operation(summary = "Where an upload stands: state, row counts, accounting per stage, dead letters",
      description = "rows.total = rows.loaded + rows.rejected + rows.deadLettered once accounted is true. stages "
          + "lists split, match and load with the rows and chunks each received, emitted, rejected, dead-lettered "
          + "(still open), redriven and has pending. rows.withWarnings counts the rows kept (not rejected) with at least one "
          + "warning about a field (listed at warnings). deadLetters names the rows a stage could not process and "
          + "whether anything is for you to do.")
  @ApiResponse(responseCode = "200", description = "The upload's status")
  @ApiResponse(responseCode = "404", description = "No upload of yours has this id",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  PartnerUploadStatus status(@Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @PathVariable UUID uploadId) {
    return queries.status(partner.id(), uploadId).map(PartnerUploadStatus::of)
        .orElseThrow(() -> new UploadNotFoundException(uploadId));
  }

  @GetMapping("/{uploadId}/rejections")
  @Operation(summary = "The rows of an upload that were rejected: row, column, code and reason, in file order",
      description = "Pages by row number: pass the last row you received as 'after' to get the next page.")
  @ApiResponse(responseCode = "200", description = "Rejected rows")
  @ApiResponse(responseCode = "404", description = "No upload of yours has this id",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  RejectedRows rejections(@Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @PathVariable UUID uploadId,
      @Parameter(description = "Only rows after this row number") @RequestParam(defaultValue = "0") long after,
      @Parameter(description = "How many, 1.." + MAX_REJECTIONS_LIMIT) @RequestParam(defaultValue = "100") int limit) {
    var rows = queries.rejections(partner.id(), uploadId, after, pageLimit(limit))
        .orElseThrow(() -> new UploadNotFoundException(uploadId));
    return new RejectedRows(uploadId, rows, nextAfter(rows, limit, UploadRejection::row));
  }

  /** A page of rejected rows; {@code nextAfter} is the {@code after} of the next page, null on the last. */
  record RejectedRows(UUID uploadId, List<UploadRejection> rejections, Long nextAfter) {}

  @GetMapping("/{uploadId}/warnings")
  @Operation(summary = "The warnings of an upload: fields of loaded postings that were changed or set aside",
      description = "Each warning names its row, column, code, the value as sent (characters that could not be kept "
          + "written as <U+0000>) and what became of the field; a row may have several. In file order; pages by the "
          + "warning's seq: pass nextAfter as 'after' to get the next page.")
  @ApiResponse(responseCode = "200", description = "Warnings")
  @ApiResponse(responseCode = "400", description = "limit out of range",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "404", description = "No upload of yours has this id",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  UploadWarnings warnings(@Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @PathVariable UUID uploadId,
      @Parameter(description = "Only warnings after this seq") @RequestParam(defaultValue = "0") long after,
      @Parameter(description = "How many, 1.." + MAX_REJECTIONS_LIMIT) @RequestParam(defaultValue = "100") int limit) {
    var warnings = queries.warnings(partner.id(), uploadId, after, pageLimit(limit))
        .orElseThrow(() -> new UploadNotFoundException(uploadId));
    return new UploadWarnings(uploadId, warnings, nextAfter(warnings, limit, UploadWarning::seq));
  }

  private static int pageLimit(int limit) {
    if (limit < 1 || limit > MAX_REJECTIONS_LIMIT) {
      throw new BadRequestException("limit", "limit must be 1.." + MAX_REJECTIONS_LIMIT + ", not " + limit);
    }
    return limit;
  }

  /** The {@code after} of the page that follows a full one, null after the last. */
  private static <T> Long nextAfter(List<T> page, int limit, ToLongFunction<T> key) {
    return page.size() == limit ? key.applyAsLong(page.get(page.size() - 1)) : null;
  }

  /** A page of warnings; {@code nextAfter} is the {@code after} of the next page, null on the last. */
  record UploadWarnings(UUID uploadId, List<UploadWarning> warnings, Long nextAfter) {}

  @GetMapping
  @Operation(summary = "Your most recent uploads, newest first")
  @ApiResponse(responseCode = "200", description = "Your uploads")
  @ApiResponse(responseCode = "400", description = "limit out of range",
      content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  RecentUploads recent(@Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.PARTNER) AuthenticatedPartner partner,
      @Parameter(description = "How many, 1.." + MAX_LIST_LIMIT) @RequestParam(defaultValue = "20") int limit) {
    if (limit < 1 || limit > MAX_LIST_LIMIT) {
      throw new BadRequestException("limit", "limit must be 1.." + MAX_LIST_LIMIT + ", not " + limit);
    }
    return new RecentUploads(queries.recent(partner.id(), limit).stream()
        .map(u -> new RecentUploads.Item(u.uploadId(), u.state(), u.fileName(), u.byteSize(), u.receivedAt()))
        .toList());
  }

  private static ResponseEntity<UploadAccepted> accepted(Receipt receipt) {
    UUID id = receipt.upload().uploadId();
    URI statusUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/v1/uploads/{id}").buildAndExpand(id)
        .toUri();
    return ResponseEntity.accepted()
        .location(URI.create("/v1/uploads/" + id))
        .header("Idempotent-Replayed", Boolean.toString(receipt.replayed()))
        .body(new UploadAccepted(id, receipt.upload().state(), statusUrl, receipt.upload().byteSize(),
            receipt.upload().sha256()));
  }

  /** The multipart form of an upload, for the API document. */
  record MultipartUpload(@Schema(type = "string", format = "binary", description = "The CSV file") String file,
      @Schema(description = "Declared text encoding") String encoding) {}
}
