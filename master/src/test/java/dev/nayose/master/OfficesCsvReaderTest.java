package dev.nayose.master;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.contracts.TextEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OfficesCsvReaderTest {
  private static final String HEADER = "office_id,company_id,name,prefecture,city,street,postal_code,phone\n";

  @TempDir
  Path temp;

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("every column",
            "O1,1010001049571,大阪営業所,大阪府,大阪市中央区,本町１丁目１番１号,5410053,06-6201-0000",
            new Office("O1", "1010001049571", "大阪営業所", "大阪府", "大阪市中央区", "本町１丁目１番１号", "5410053", "06-6201-0000"),
            null, null),
        Arguments.of("only the required values", "O2,C1,,,,,,",
            new Office("O2", "C1", null, null, null, null, null, null), null, null),
        Arguments.of("full-width postal code", "O3,C1,,,,,５４１－００５３,",
            new Office("O3", "C1", null, null, null, null, "5410053", null), null, null),
        Arguments.of("no office_id", ",C1,大阪営業所,,,,,", null, "office_id", RejectReason.MISSING_VALUE),
        Arguments.of("no company_id", "O4,,大阪営業所,,,,,", null, "company_id", RejectReason.MISSING_VALUE),
        Arguments.of("bad postal code", "O5,C1,,,,,541-005,", null, "postal_code", RejectReason.MALFORMED_VALUE),
        Arguments.of("a column short", "O6,C1,,,,,", null, null, RejectReason.WRONG_COLUMN_COUNT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void readsOrRejectsARow(String why, String row, Office expected, String column, RejectReason reason)
      throws IOException {
    Path file = Fixtures.write(temp, "offices.csv", HEADER + row + "\n", UTF_8, false);
    List<Office> read = new ArrayList<>();

    CsvReadSummary summary = OfficesCsvReader.read(file, (line, office) -> read.add(office));

    assertThat(summary.rowsRead()).isEqualTo(1);
    if (expected != null) {
      assertThat(read).containsExactly(expected);
    } else {
      assertThat(read).isEmpty();
      assertThat(summary.rejected()).singleElement().satisfies(rejected -> {
        assertThat(rejected.lineNumber()).isEqualTo(2);
        assertThat(rejected.column()).isEqualTo(column);
        assertThat(rejected.reason()).isEqualTo(reason);
      });
    }
  }

  @Test
  void shiftJisWithColumnsInAnyOrder() throws IOException {
    Path file = Fixtures.write(temp, "offices.csv", "company_id,office_id,extra,name\nC1,O1,x,㈱テスト①工場\n",
        TextEncoding.SHIFT_JIS.charset(), false);
    List<Office> read = new ArrayList<>();

    OfficesCsvReader.read(file, (line, office) -> read.add(office));

    assertThat(read).containsExactly(new Office("O1", "C1", "㈱テスト①工場", null, null, null, null, null));
  }

  @Test
  void aMissingRequiredColumnNamesTheFileAndTheColumn() {
    Path file = Fixtures.write(temp, "branches.csv", "office_id,name\nO1,大阪営業所\n", UTF_8, false);

    assertThatThrownBy(() -> OfficesCsvReader.read(file, (line, office) -> {}))
        .isInstanceOf(MasterFileException.class)
        .hasMessageContaining("branches.csv")
        .hasMessageContaining("'company_id'");
  }
}
