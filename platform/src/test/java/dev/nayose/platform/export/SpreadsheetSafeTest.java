package dev.nayose.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetSafeTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"=1+2", "+81-3-1234-5678", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")", "\tJ-1",
      "\rJ-1", "==", "@"})
  void aCellAFormulaCouldStartWithIsPrefixed(String value) {
    assertThat(SpreadsheetSafe.needsPrefix(value)).isTrue();
    assertThat(SpreadsheetSafe.cell(value)).isEqualTo("'" + value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"J-1", "株式会社テスト", "1+2", "a=b", "SUM(A1)@", " =1+2", "'=1+2", "[{\"values\":[\"@SUM(A1)\"]}]",
      "＝1+2", "0.9731"})
  void anyOtherCellIsUnchanged(String value) {
    assertThat(SpreadsheetSafe.needsPrefix(value)).isFalse();
    assertThat(SpreadsheetSafe.cell(value)).isSameAs(value);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "NULL", value = {"NULL", "''"})
  void nullAndEmptyAreUnchanged(String value) {
    assertThat(SpreadsheetSafe.cell(value)).isEqualTo(value);
  }

  @org.junit.jupiter.api.Test
  void aRowIsMadeSafeCellByCellIntoANewArray() {
    String[] row = {"=1+2", "MATCHED", "@SUM(A1)", null};

    assertThat(SpreadsheetSafe.row(row)).containsExactly("'=1+2", "MATCHED", "'@SUM(A1)", null);
    assertThat(row[0]).isEqualTo("=1+2");
  }
}
