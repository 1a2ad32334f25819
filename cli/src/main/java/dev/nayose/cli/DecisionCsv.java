package dev.nayose.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.nayose.platform.export.SpreadsheetSafe;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * The CSV of {@code nayose export}: RFC 4180, UTF-8 as the caller's writer encodes it. By default
 * every cell is written exactly as stored (a posting id is the partner's join key and must come
 * back byte for byte); {@code spreadsheetSafe} writes a cell a spreadsheet would take for a formula
 * as text ({@link SpreadsheetSafe}), for a person who opens the file in Excel.
 */
final class DecisionCsv implements Closeable {
  static final String[] HEADER = {"posting_id", "decision", "company_id", "office_id", "score", "reasons",
      "master_version"};

  private final CsvWriter csv;
  private final boolean spreadsheetSafe;

  DecisionCsv(Writer out, boolean spreadsheetSafe) {
    this.csv = CsvWriter.builder().build(out);
    this.spreadsheetSafe = spreadsheetSafe;
    csv.writeRecord(HEADER);
  }

  /** One posting's decision, in {@link #HEADER}'s order; null cells are written empty. */
  void write(String postingId, String decision, String companyId, String officeId, String score, String reasons,
      String masterVersion) {
    String[] cells = {postingId, decision, companyId, officeId, score, reasons, masterVersion};
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i] == null ? "" : cells[i];
    }
    csv.writeRecord(spreadsheetSafe ? SpreadsheetSafe.row(cells) : cells);
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
