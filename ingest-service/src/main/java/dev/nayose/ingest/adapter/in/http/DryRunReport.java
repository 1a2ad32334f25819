package dev.nayose.ingest.adapter.in.http;

import dev.nayose.intake.FileReport;
import dev.nayose.platform.ledger.UploadRejection;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer to {@code POST /v1/uploads?dryRun=true}: what a real upload of the file would become,
 * in the words of the status API ({@code failureCode}, {@code failureReason}, {@code rows}).
 */
@Schema(description = "What a real upload of the file would become; nothing was stored")
record DryRunReport(
    @Schema(description = "Always true: nothing was stored, loaded or announced") boolean dryRun,
    @Schema(description = "Whether the file can be read as a posting file") boolean readable,
    @Schema(description = "ACCEPTED (the upload would be split, its rows kept or rejected one by one) or FAILED "
        + "(the upload would fail as a whole)", allowableValues = {"ACCEPTED", "FAILED"}) String wouldBe,
    @Schema(description = "Why the file cannot be read, for programs (as an upload's failureCode); null when readable")
    String failureCode,
    @Schema(description = "Why the file cannot be read and what to send instead; null when readable")
    String failureReason,
    @Schema(description = "How the text was sent: plain, gzip, zip (entry name), null when not known") String container,
    @Schema(description = "The encoding the file is read in: UTF-8, Shift_JIS (CP932), UTF-16LE, UTF-16BE")
    String encoding,
    @Schema(description = "Whether you declared the encoding (else it was detected)") boolean encodingDeclared,
    @Schema(description = "The header's columns in file order and the field each fills (null: ignored)")
    List<Column> header,
    Rows rows,
    @Schema(description = "Warnings in all; a row may have several") long warnings,
    @Schema(description = "Chunks the file would be processed in") int chunks,
    Map<String, Long> rejectionsByCode,
    Map<String, Long> warningsByCode,
    @Schema(description = "The first rejected rows, in file order") List<UploadRejection> firstRejections,
    @Schema(description = "The first warnings, in file order") List<Warning> firstWarnings) {

  /** A column of the header: its 1-based position, its text as sent, the field it fills or null when ignored. */
  record Column(int position, String header, String field) {}

  /** {@code total = kept + rejected}; {@code withWarnings} counts kept rows with a warning. */
  record Rows(long total, long kept, long rejected, long withWarnings) {}

  /** A field that would be changed or set aside, the posting kept. */
  record Warning(long row, String column, String code, String value, String reason) {}

  static DryRunReport of(FileReport report) {
    return new DryRunReport(true, report.readable(), report.verdict(),
        report.problem() == null ? null : report.problem().name(), report.reason(), report.container(),
        report.encoding(), report.encodingDeclared(),
        report.header().stream().map(c -> new Column(c.position(), c.header(), c.field())).toList(),
        new Rows(report.rows(), report.rowsKept(), report.rowsRejected(), report.rowsWithWarnings()),
        report.warnings(), report.chunks(), byName(report.rejectionsByCode()), byName(report.warningsByCode()),
        report.firstRejections().stream()
            .map(r -> new UploadRejection(r.rowNumber(), r.column(), r.code().name(), r.reason())).toList(),
        report.firstWarnings().stream()
            .map(w -> new Warning(w.rowNumber(), w.column(), w.code().name(), w.value(), w.reason())).toList());
  }

  private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
    Map<String, Long> named = new TreeMap<>();
    counts.forEach((code, n) -> named.put(code.name(), n));
    return named;
  }
}
