package dev.nayose.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nayose export UPLOAD_ID --out FILE [--spreadsheet-safe]}: the decisions of an upload as CSV, in file order,
 * {@code reasons} holding the evidence as a JSON array (field, values compared, level, weight),
 * {@code master_version} the company master version the posting was matched against (empty: before
 * master versions). Cells are written exactly as stored unless {@code --spreadsheet-safe}
 * ({@link DecisionCsv}).
 */
@Command(name = "export", description = "Write an upload's decisions as CSV: posting_id,decision,company_id,office_id,score,reasons,master_version; exactly as uploaded, or with --spreadsheet-safe for a spreadsheet.")
final class ExportCommand implements Callable<Integer> {

  @Parameters(paramLabel = "UPLOAD_ID")
  UUID uploadId;

  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Option(names = "--spreadsheet-safe", description = "For a person opening the file in a spreadsheet: a cell"
      + " beginning with =, +, -, @, a tab or a CR is written with a leading ' so that it shows as text, not as a"
      + " formula. Leave it out for a program: then every value is exactly as uploaded.")
  boolean spreadsheetSafe;

  @Override
  public Integer call() throws IOException, SQLException {
    Targets targets = Targets.resolve(Workspace.locate(), NayoseCli.JSON);
    int rows = 0;
    try (Connection c = targets.dataSource().getConnection();
         var query = c.prepareStatement("""
             select posting_id, decision, company_id, office_id, score, reasons::text, master_version
               from posting where upload_id = ? order by row_number""");
         var csv = new DecisionCsv(Files.newBufferedWriter(out, StandardCharsets.UTF_8), spreadsheetSafe)) {
      c.setAutoCommit(false);
      query.setFetchSize(1_000);
      query.setObject(1, uploadId);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          csv.write(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              String.format(java.util.Locale.ROOT, "%.4f", rs.getDouble(5)), rs.getString(6), rs.getString(7));
          rows++;
        }
      }
    }
    System.out.printf("wrote %,d decisions of upload %s to %s%s%n", rows, uploadId, out,
        spreadsheetSafe ? " (spreadsheet-safe: cells that would be formulas begin with ')" : "");
    return 0;
  }
}
