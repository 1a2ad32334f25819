package dev.nayose.cli;

import java.io.PrintStream;
import tools.jackson.databind.JsonNode;

/**
 * How a dry run's report ({@code POST /v1/uploads?dryRun=true}) reads in a terminal: the file's
 * encoding and header mapping, what would become of its rows, the first rejections and warnings,
 * and last what a real upload would become.
 */
final class DryRunView {
  private DryRunView() {}

  /** Prints the report; true when a real upload of the file would be ACCEPTED. */
  static boolean print(String file, JsonNode report, PrintStream out) {
    out.printf("dry run   %s: read as the pipeline would, nothing stored%n", file);
    if (!report.path("encoding").isNull() && report.has("encoding")) {
      out.printf("encoding  %s (%s)%n", report.path("encoding").asString(),
          report.path("encodingDeclared").asBoolean() ? "declared" : "detected");
    }
    boolean first = true;
    for (JsonNode column : report.path("header")) {
      out.printf("%s column %d %s → %s%n", first ? "header   " : "         ", column.path("position").asInt(),
          quoted(column.path("header").asString()),
          column.path("field").isNull() ? "ignored (names no field)" : column.path("field").asString());
      first = false;
    }
    boolean accepted = "ACCEPTED".equals(report.path("wouldBe").asString());
    if (accepted) {
      JsonNode rows = report.path("rows");
      out.printf("rows      %,d = kept %,d + rejected %,d (of which duplicate posting_id %,d)%n",
          rows.path("total").asLong(), rows.path("kept").asLong(), rows.path("rejected").asLong(),
          report.path("rejectionsByCode").path("DUPLICATE_POSTING_ID").asLong(0));
      out.printf("warnings  %,d row(s) kept with a warning about a field (%,d warning(s))%n",
          rows.path("withWarnings").asLong(), report.path("warnings").asLong());
      out.printf("chunks    %,d%n", report.path("chunks").asInt());
      for (JsonNode r : report.path("firstRejections")) {
        out.printf("rejected  row %d%s: %s — %s%n", r.path("row").asLong(), column(r), r.path("code").asString(),
            r.path("reason").asString());
      }
      more(out, rows.path("rejected").asLong(), report.path("firstRejections").size(), "rejected rows");
      for (JsonNode w : report.path("firstWarnings")) {
        out.printf("warning   row %d%s: %s %s — %s%n", w.path("row").asLong(), column(w), w.path("code").asString(),
            quoted(w.path("value").asString()), w.path("reason").asString());
      }
      more(out, report.path("warnings").asLong(), report.path("firstWarnings").size(), "warnings");
      out.printf("would be  ACCEPTED: %,d row(s) loaded, %,d rejected%n", rows.path("kept").asLong(),
          rows.path("rejected").asLong());
    } else {
      out.printf("would be  FAILED — %s: %s%n", report.path("failureCode").asString(),
          report.path("failureReason").asString());
    }
    return accepted;
  }

  private static void more(PrintStream out, long all, int shown, String what) {
    if (all > shown) {
      out.printf("          … %,d more %s (the first %d are shown)%n", all - shown, what, shown);
    }
  }

  private static String column(JsonNode finding) {
    return finding.path("column").isNull() || !finding.has("column") ? ""
        : " column " + finding.path("column").asString();
  }

  /** The value on one line, quoted. */
  private static String quoted(String value) {
    return "\"" + value.replaceAll("[\\t\\r\\n]", " ") + "\"";
  }
}
