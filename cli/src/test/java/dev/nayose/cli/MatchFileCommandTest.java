package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.nayose.master.SyntheticMasterWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MatchFileCommandTest {

  /** The same postings plain and gzip-compressed: match-file opens a file as split-service does (intake's PartnerFile). */
  @ParameterizedTest
  @ValueSource(strings = {"postings.csv", "postings.csv.gz"})
  void matchesAPostingsFileAgainstCsvMasterFilesWithoutServers(String name, @TempDir Path dir) throws Exception {
    Path companies = dir.resolve("companies.csv");
    Path offices = dir.resolve("offices.csv");
    new SyntheticMasterWriter(3).write(companies, offices, 2_000);
    Files.writeString(companies, """
        X-0001,,株式会社メディア美装,,東京都,港区,赤坂７丁目１１番１２号,1070052,03-3583-0001,
        X-0002,,有限会社イーグル,,東京都,新宿区,西新宿１丁目１番１号,1600023,,
        """, StandardOpenOption.APPEND);
    Files.writeString(offices, """
        X-0001-1,X-0001,大阪支店,大阪府,大阪市西区,西本町２丁目５番１０号,5500005,06-1111-2222
        """, StandardOpenOption.APPEND);
    Path postings = dir.resolve(name);
    // Shift_JIS with Japanese headers, as partners send them; row 5 has no company name
    byte[] text = """
        求人ID,会社名,所在地,電話番号,勤務地
        J1,㈱メディア美装,東京都港区赤坂七丁目11番12号,03-3583-0001,
        J2,メディア美装(株) 大阪支店,大阪市西区西本町2-5-10,,大阪府大阪市西区
        J3,株式会社イーグル,東京都新宿区西新宿1-1-1,,
        J4,,東京都港区,,
        J5,どこにもない商事,東京都港区,,
        """.getBytes(Charset.forName("windows-31j"));
    if (name.endsWith(".gz")) {
      try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(postings))) {
        gz.write(text);
      }
    } else {
      Files.write(postings, text);
    }
    Path out = dir.resolve("matches.csv");
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    int exit;
    try {
      System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new NayoseCli()).execute("match-file", "--companies", companies.toString(),
          "--offices", offices.toString(), "--postings", postings.toString(), "--out", out.toString());
    } finally {
      System.setErr(stderr);
    }

    assertThat(exit).isZero();
    List<NamedCsvRecord> rows;
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(out)) {
      rows = csv.stream().toList();
    }
    assertThat(rows).extracting(r -> r.getField("posting_id")).containsExactly("J1", "J2", "J3", "J5");
    assertThat(rows).extracting(r -> r.getField("decision")).containsExactly("MATCHED", "MATCHED", "REVIEW", "UNMATCHED");
    assertThat(rows).extracting(r -> r.getField("company_id")).containsExactly("X-0001", "X-0001", "X-0002", "");
    assertThat(rows).extracting(r -> r.getField("office_id")).containsExactly("", "X-0001-1", "", "");
    assertThat(rows.get(0).getField("reasons"))
        .contains("\"field\":\"name\"", "\"level\":\"EXACT\"", "\"field\":\"phone\"");
    assertThat(rows.get(2).getField("reasons")).contains("LEGAL_FORM_DISAGREES");
    String report = errors.toString(StandardCharsets.UTF_8);
    assertThat(report).contains(name + ": row 5, column company_name");
    assertThat(report).contains("5 rows = 4 matched + 1 rejected");
  }
}
