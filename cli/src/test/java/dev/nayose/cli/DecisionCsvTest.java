package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nayose export}: exact values for programs, formulas defused for people. */
class DecisionCsvTest {
  /** The reasons of a posting whose company name is a formula: the name inside the JSON, not at its start. */
  private static final String REASONS = "[{\"field\":\"company_name\",\"values\":[\"@SUM(A1)\",\"株式会社テスト\"],"
      + "\"level\":\"different\",\"weight\":-2.1}]";

  private static List<List<String>> written(boolean spreadsheetSafe) throws Exception {
    var out = new StringWriter();
    try (var csv = new DecisionCsv(out, spreadsheetSafe)) {
      csv.write("=1+2", "UNMATCHED", null, null, "0.0000", REASONS, "3");
      csv.write("@SUM(A1)", "MATCHED", "-7", "+81", "0.9731", "[]", "3");
      csv.write("J-1", "MATCHED", "C-1", "\tO-1", "0.9900", "[]", null);
    }
    return CsvReader.builder().ofCsvRecord(out.toString()).stream().map(CsvRecord::getFields).toList();
  }

  @Test
  void byDefaultEveryCellIsExactlyAsStored() throws Exception {
    List<List<String>> rows = written(false);

    assertThat(rows.get(0)).containsExactly("posting_id", "decision", "company_id", "office_id", "score", "reasons",
        "master_version");
    assertThat(rows.get(1)).containsExactly("=1+2", "UNMATCHED", "", "", "0.0000", REASONS, "3");
    assertThat(rows.get(2)).containsExactly("@SUM(A1)", "MATCHED", "-7", "+81", "0.9731", "[]", "3");
    assertThat(rows.get(3)).containsExactly("J-1", "MATCHED", "C-1", "\tO-1", "0.9900", "[]", "");
  }

  @Test
  void spreadsheetSafeWritesEveryCellThatWouldBeAFormulaAsText() throws Exception {
    List<List<String>> rows = written(true);

    assertThat(rows.get(0)).containsExactly("posting_id", "decision", "company_id", "office_id", "score", "reasons",
        "master_version");
    // a name inside the reasons is no cell's start: left as it is, the JSON intact
    assertThat(rows.get(1)).containsExactly("'=1+2", "UNMATCHED", "", "", "0.0000", REASONS, "3");
    assertThat(rows.get(2)).containsExactly("'@SUM(A1)", "MATCHED", "'-7", "'+81", "0.9731", "[]", "3");
    assertThat(rows.get(3)).containsExactly("J-1", "MATCHED", "C-1", "'\tO-1", "0.9900", "[]", "");
  }
}
