package dev.nayose.cli;

import dev.nayose.platform.ledger.PartnerUploadStatus;
import dev.nayose.platform.ledger.UploadStatus;
import java.io.PrintStream;
import java.util.List;

/**
 * How an upload's status reads in a terminal: the partner's view (what {@code upload --wait} reads
 * over HTTP) and the operator's ({@code status}, from the database), which adds the workers and
 * each dead letter's error.
 */
final class StatusView {
  private StatusView() {}

  /** One line for progress displays. */
  static String progressLine(PartnerUploadStatus s) {
    var rows = s.rows();
    String total = rows.total() == null ? "?" : String.format("%,d", rows.total());
    String chunks = s.chunks().total() == null ? "?" : s.chunks().loaded() + "/" + s.chunks().total();
    return String.format("%-9s rows %s: loaded %,d  rejected %,d  dead-lettered %,d | chunks %s | MATCHED %,d  REVIEW %,d  UNMATCHED %,d",
        s.state(), total, rows.loaded(), rows.rejected(), rows.deadLettered(), chunks, rows.matched(), rows.review(),
        rows.unmatched());
  }

  /** The operator's view: the partner's, with the match workers and each dead letter's cause and error. */
  static void print(UploadStatus operators, PrintStream out) {
    printSummary(PartnerUploadStatus.of(operators), operators.failureCode(), operators.failureReason(), out);
    operators.workers().forEach(w -> out.printf("worker    %s matched %d chunk(s), %,d rows%n", w.workerId(), w.chunks(),
        w.rows()));
    operators.deadLetters().forEach(d -> out.printf("dead      %s stage, chunk %d (%d rows): %s %s%s%n", d.stage(),
        d.chunk(), d.rows(), d.cause(), d.errorMessage(), d.redrives() == 0 ? "" : " — redriven " + d.redrives()
            + "x, last " + d.lastRedrivenAt()));
  }

  /** The partner's view: each dead letter with what it means for the partner. */
  static void print(PartnerUploadStatus s, PrintStream out) {
    printSummary(s, s.failureCode(), s.failureReason(), out);
    s.deadLetters().forEach(d -> out.printf("dead      %s%n", d.reason()));
  }

  private static void printSummary(PartnerUploadStatus s, String failureCode, String failureReason,
      PrintStream out) {
    out.printf("upload    %s (partner %s, file %s, %,d bytes, %s)%n", s.uploadId(), s.partnerId(), s.fileName(),
        s.byteSize(), s.encoding() == null ? "encoding not yet detected" : s.encoding());
    out.printf("state     %s%s%n", s.state(), failure(failureCode, failureReason));
    var r = s.rows();
    out.printf("rows      in %s = loaded %,d + rejected %,d (of which duplicate posting_id %,d) + dead-lettered %,d%s%n",
        r.total() == null ? "?" : String.format("%,d", r.total()), r.loaded(), r.rejected(), r.duplicate(),
        r.deadLettered(), s.accounted() ? "  ✓ every row accounted for" : "");
    if (r.withWarnings() > 0) {
      // kept rows, whatever became of them after split: not a term of the equation above
      out.printf("warnings  %,d row(s) kept with a warning about a field (nayose status %s --warnings)%n",
          r.withWarnings(), s.uploadId());
    }
    out.printf("decisions MATCHED %,d  REVIEW %,d  UNMATCHED %,d%n", r.matched(), r.review(), r.unmatched());
    out.println("master    " + matchedAgainst(s.masterVersions()));
    out.printf("chunks    %s total, %d loaded, %d dead-lettered%n",
        s.chunks().total() == null ? "?" : s.chunks().total(), s.chunks().loaded(), s.chunks().deadLettered());
    printStages(s, out);
  }

  /**
   * " — CODE: reason" of a failed upload: the code a program reads (intake's FileProblem,
   * NOT_RECEIVED) and the sentence a person reads; either alone when the other is missing (uploads
   * failed before V11 have no code).
   */
  static String failure(String code, String reason) {
    if (code == null && reason == null) {
      return "";
    }
    if (code == null) {
      return " — " + reason;
    }
    return " — " + code + (reason == null ? "" : ": " + reason);
  }

  /**
   * "matched against master version 3", or each version with its chunks and rows when the upload
   * was matched against several (a version was published while it was being matched).
   */
  static String matchedAgainst(List<UploadStatus.MasterVersion> matched) {
    List<UploadStatus.MasterVersion> versions = matched == null ? List.of() : matched;
    if (versions.isEmpty()) {
      return "no chunk matched yet";
    }
    if (versions.size() == 1) {
      return "matched against " + version(versions.get(0).version());
    }
    return "matched against " + versions.stream()
        .map(v -> String.format("%s (%d chunk(s), %,d rows)", version(v.version()), v.chunks(), v.rows()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String version(Long version) {
    return version == null ? "a master from before master versions" : "master version " + version;
  }

  /**
   * Rows and chunks per stage: in, out, rejected, dead-lettered (still open), redriven, pending.
   * "-" where a figure does not apply or is not known yet.
   */
  static void printStages(PartnerUploadStatus s, PrintStream out) {
    if (s.stages() == null || s.stages().isEmpty()) {
      return;
    }
    out.printf("stages    %-6s %9s %9s %9s %9s %9s %9s | %9s %7s %7s %8s %7s%n", "", "rows in", "out", "rejected",
        "dead", "redriven", "pending", "chunks in", "out", "dead", "redriven", "pending");
    for (UploadStatus.StageAccount stage : s.stages()) {
      var r = stage.rows();
      var c = stage.chunks();
      out.printf("          %-6s %9s %9s %9s %9s %9s %9s | %9s %7s %7s %8s %7s%n", stage.stage(), figure(r.received()),
          figure(r.emitted()), figure(r.rejected()), figure(r.deadLettered()), figure(r.redriven()), figure(r.pending()),
          figure(c.received()), figure(c.emitted()), figure(c.deadLettered()), figure(c.redriven()), figure(c.pending()));
    }
  }

  private static String figure(Integer value) {
    return value == null ? "-" : String.format("%,d", value);
  }
}
