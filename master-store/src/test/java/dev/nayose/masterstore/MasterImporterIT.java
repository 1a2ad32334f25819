package dev.nayose.masterstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nayose.master.MasterFile;
import dev.nayose.master.MasterFileException;
import dev.nayose.master.ProgressListener;
import dev.nayose.master.RejectReason;
import dev.nayose.master.RejectedRow;
import dev.nayose.schema.NayoseSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The importer against a real PostgreSQL 18 (zonky's embedded binaries) with the nayose schema.
 * If the server cannot start, {@link #startPostgres} throws and every test fails: there is no
 * skipping.
 */
class MasterImporterIT {
  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;

  @TempDir
  Path temp;

  private MasterImporter importer;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    dataSource = postgres.getPostgresDatabase();
    NayoseSchema.migrate(dataSource);
  }

  @Test
  void runsAgainstPostgresql18() throws SQLException {
    // the binaries BOM pinned in the root pom; zonky's own default would be PostgreSQL 14
    assertThat(Integer.parseInt(row("show server_version_num").get(0))).isGreaterThanOrEqualTo(180000);
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyMaster() throws SQLException {
    execute("truncate company, office, company_former_name, master_version cascade");
    importer = new MasterImporter(dataSource);
  }

  @Test
  void importsTheShiftJisNtaFileAndReimportsIdempotently() throws Exception {
    Path file = Fixtures.nta("nta-20260821-sjis.csv");

    ImportReport first = importer.importNta(file, ProgressListener.NONE);

    assertThat(first.source()).isEqualTo("nta:nta-20260821-sjis.csv");
    assertThat(first.rowsRead()).isEqualTo(2181);
    assertThat(first.companiesWritten()).isEqualTo(1943);
    assertThat(first.formerNamesWritten()).isEqualTo(56);
    assertThat(first.officesWritten()).isZero();
    assertThat(first.companiesDeleted()).isZero();
    assertThat(first.rejected()).isEmpty();
    assertThat(counts()).containsExactly(1943L, 0L, 56L, 1L);
    assertThat(count("company where closed_on is not null")).isEqualTo(268);
    assertThat(count("company where source = 'nta' and company_id = corporate_number")).isEqualTo(1943);
    assertThat(row("select company_id, corporate_number, name, name_kana, prefecture, city, street, postal_code, "
        + "phone, website, kind, closed_on, close_cause, source from company where company_id = '1010001049571'"))
        .containsExactly("1010001049571", "1010001049571", "泰平観光株式会社", "タイヘイカンコウ", "千葉県", "長生郡一宮町",
            "新地２４３４番地１－１０２", "2994314", null, null, "301", null, null, "nta");
    assertThat(row("select name, closed_on, close_cause from company where company_id = '1010003037509'"))
        .containsExactly("合同会社ＪＲＰＦ亀有", LocalDate.of(2026, 7, 22).toString(), "01");
    assertThat(rows("select name || ' until ' || until_date from company_former_name "
        + "where company_id = '1010001057921' order by until_date"))
        .containsExactly("株式会社ＣＡＣマルハニチロシステムズ until 2023-04-03",
            "マルハニチロソリューションズ株式会社 until 2026-03-02");
    assertThat(row("select version, parent_version, state, sources, companies, offices, former_names from master_version"))
        .containsExactly(Long.toString(first.version()), null, "PUBLISHED", "nta:nta-20260821-sjis.csv", "1943", "0", "56");
    String updatedAt = row("select updated_at from company where company_id = '1010001049571'").get(0);

    ImportReport second = importer.importNta(file, ProgressListener.NONE);

    assertThat(second.companiesWritten()).isEqualTo(first.companiesWritten());
    assertThat(second.formerNamesWritten()).isEqualTo(first.formerNamesWritten());
    assertThat(second.version()).isEqualTo(first.version() + 1);
    assertThat(row("select parent_version from master_version where version = " + second.version()))
        .containsExactly(Long.toString(first.version()));
    assertThat(counts()).containsExactly(1943L, 0L, 56L, 2L);
    // nothing changed, so nothing was rewritten
    assertThat(row("select updated_at from company where company_id = '1010001049571'")).containsExactly(updatedAt);
  }

  @Test
  void importsCompaniesAndOfficesRejectingWithReasons() throws Exception {
    importer.importNta(Fixtures.nta("nta-20260821-sjis.csv"), ProgressListener.NONE);

    ImportReport companies = importer.importCompanies(Fixtures.path("csv/companies.csv"), ProgressListener.NONE);

    assertThat(companies.rowsRead()).isEqualTo(7);
    assertThat(companies.companiesWritten()).isEqualTo(2);
    assertThat(companies.rejected()).containsExactly(
        new RejectedRow(4, "corporate_number", RejectReason.DUPLICATE_CORPORATE_NUMBER,
            "corporate_number 1010001049571 belongs to company '1010001049571' of the master"),
        new RejectedRow(5, "company_id", RejectReason.DUPLICATE_COMPANY_ID, "company_id 'C001' is already on line 2"),
        new RejectedRow(6, "corporate_number", RejectReason.DUPLICATE_CORPORATE_NUMBER,
            "corporate_number '1010001072706' is already on line 2"),
        new RejectedRow(7, "corporate_number", RejectReason.CHECK_DIGIT_INVALID,
            "2010001126817: the check digit does not hold"),
        new RejectedRow(8, "name", RejectReason.MISSING_VALUE, "name is empty"));
    assertThat(row("select company_id, corporate_number, name, name_kana, prefecture, city, street, postal_code, "
        + "phone, website, kind, closed_on, source from company where company_id = 'C001'"))
        .containsExactly("C001", "1010001072706", "東京増田医療器株式会社", null, "東京都", "文京区", "湯島２丁目６番２号",
            "1130034", "03-3811-0000", "https://masuda.example.jp", null, null, "companies.csv");

    ImportReport offices = importer.importOffices(Fixtures.path("csv/offices.csv"), ProgressListener.NONE);

    assertThat(offices.rowsRead()).isEqualTo(6);
    assertThat(offices.officesWritten()).isEqualTo(3);
    assertThat(offices.rejected()).containsExactly(
        new RejectedRow(4, "company_id", RejectReason.UNKNOWN_COMPANY, "company_id 'C999' is not in the master"),
        new RejectedRow(5, "office_id", RejectReason.DUPLICATE_OFFICE_ID, "office_id 'O001' is already on line 2"),
        new RejectedRow(7, "postal_code", RejectReason.MALFORMED_VALUE, "'10000' is not a postal code of 7 digits"));
    assertThat(rows("select office_id || ' ' || company_id || ' ' || name || ' ' || postal_code from office order by 1"))
        .containsExactly("O001 C001 大阪営業所 5410053", "O002 C001 名古屋営業所 4600008", "O004 1010001049571 東京支店 1000005");
    assertThat(rows("select sources || ' ' || companies || ' ' || offices || ' ' || former_names from master_version "
        + "order by version")).containsExactly("nta:nta-20260821-sjis.csv 1943 0 56",
            "companies:companies.csv 2 0 0", "offices:offices.csv 0 3 0");

    // again: the same rows, the same reasons, the same tables
    ImportReport companiesAgain = importer.importCompanies(Fixtures.path("csv/companies.csv"), ProgressListener.NONE);
    ImportReport officesAgain = importer.importOffices(Fixtures.path("csv/offices.csv"), ProgressListener.NONE);

    assertThat(companiesAgain.companiesWritten()).isEqualTo(2);
    assertThat(companiesAgain.rejected()).isEqualTo(companies.rejected());
    assertThat(officesAgain.officesWritten()).isEqualTo(3);
    assertThat(officesAgain.rejected()).isEqualTo(offices.rejected());
    assertThat(counts()).containsExactly(1945L, 3L, 56L, 5L);
  }

  @Test
  void textArrivesExactlyAsWritten() throws Exception {
    String awkward = "タブ\tと\\バックスラッシュ\\\\と\"引用符\"と\r\n改行と\\N";
    Path file = Fixtures.write(temp, "companies.csv", "company_id,name,street\n"
        + "C1,\"" + awkward.replace("\"", "\"\"") + "\",\\N\n"
        + "C2,株式会社テスト,\n", UTF_8, false);

    ImportReport report = importer.importCompanies(file, ProgressListener.NONE);

    assertThat(report.rejected()).isEmpty();
    assertThat(row("select name, street from company where company_id = 'C1'")).containsExactly(awkward, "\\N");
    assertThat(row("select street from company where company_id = 'C2'")).containsExactly((String) null);
  }

  @Test
  void aFileMayMoveCorporateNumbersBetweenCompanies() throws Exception {
    importer.importCompanies(Fixtures.write(temp, "v1.csv", "company_id,corporate_number,name\n"
        + "A,1010001072706,株式会社Ａ\n"
        + "B,1010001097199,株式会社Ｂ\n", UTF_8, false), ProgressListener.NONE);

    // swapped: each number is held by the other company until this file is in
    ImportReport swapped = importer.importCompanies(Fixtures.write(temp, "v2.csv", "company_id,corporate_number,name\n"
        + "A,1010001097199,株式会社Ａ\n"
        + "B,1010001072706,株式会社Ｂ\n", UTF_8, false), ProgressListener.NONE);

    assertThat(swapped.rejected()).isEmpty();
    assertThat(rows("select company_id || ' ' || corporate_number from company order by 1"))
        .containsExactly("A 1010001097199", "B 1010001072706");
  }

  @Test
  void anNtaCompanyWhoseNumberAnotherCompanyHoldsIsRejected() throws Exception {
    importer.importCompanies(Fixtures.write(temp, "companies.csv", "company_id,corporate_number,name\n"
        + "MINE,1010001072706,東京増田医療器\n", UTF_8, false), ProgressListener.NONE);

    ImportReport report = importer.importNta(Fixtures.nta("nta-history-utf8.csv"), ProgressListener.NONE);

    assertThat(report.rejected()).containsExactly(new RejectedRow(1, "corporate_number",
        RejectReason.DUPLICATE_CORPORATE_NUMBER, "corporate_number 1010001072706 belongs to company 'MINE' of the master"));
    assertThat(report.companiesWritten()).isEqualTo(8);
    assertThat(count("company")).isEqualTo(9);
  }

  @Test
  void formerNamesAreMergedAcrossFilesAndDeletionsRemoveCompanies() throws Exception {
    Path history = Fixtures.nta("nta-history-utf8.csv");
    ImportReport full = importer.importNta(history, ProgressListener.NONE);
    assertThat(full.formerNamesWritten()).isEqualTo(6);
    assertThat(rows("select name || ' until ' || until_date from company_former_name "
        + "where company_id = '1011301000777' order by until_date"))
        .containsExactly("株式会社岩通Ｌ＆Ａ until 2016-07-13", "岩通ビジネスサービス株式会社 until 2021-07-01");

    // a later daily file with only the current row (an address change), and the deletion of a number
    List<String> lines = Files.readAllLines(history, UTF_8);
    String current = lines.get(19).replace("\"久我山１丁目７番４１号\"", "\"久我山２丁目１番１号\"");
    String deletedNumber = "1700150032837";
    Path later = Fixtures.write(temp, "later.csv", current + "\n" + lines.get(26) + "\n", UTF_8, false);
    execute("insert into company (company_id, corporate_number, name, source) values ('" + deletedNumber + "', '"
        + deletedNumber + "', '削除される法人', 'nta')");
    execute("insert into office (office_id, company_id) values ('OF-DELETED', '" + deletedNumber + "')");

    ImportReport daily = importer.importNta(later, ProgressListener.NONE);

    assertThat(daily.companiesWritten()).isEqualTo(1);
    assertThat(daily.companiesDeleted()).isEqualTo(1);
    assertThat(row("select street from company where company_id = '1011301000777'")).containsExactly("久我山２丁目１番１号");
    assertThat(count("company_former_name where company_id = '1011301000777'")).isEqualTo(2);
    assertThat(count("company where company_id = '" + deletedNumber + "'")).isZero();
    assertThat(count("office where office_id = 'OF-DELETED'")).isZero();
  }

  @Test
  void anUnreadableFileChangesNothing() throws Exception {
    importer.importCompanies(Fixtures.path("csv/companies.csv"), ProgressListener.NONE);
    List<Long> before = counts();
    Path noName = Fixtures.write(temp, "broken.csv", "company_id,corporate_number\nC9,1010001072706\n", UTF_8, false);

    assertThatThrownBy(() -> importer.importCompanies(noName, ProgressListener.NONE))
        .isInstanceOf(MasterFileException.class)
        .hasMessageContaining("broken.csv")
        .hasMessageContaining("'name'");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void oneVersionHoldsEveryFileOfAnImportAndIsVisibleOnlyOnceComplete() throws Exception {
    ImportReport before = importer.importCompanies(Fixtures.write(temp, "first.csv", "company_id,name\n"
        + "EARLY,株式会社アーリー\n", UTF_8, false), ProgressListener.NONE);
    List<String> seenWhileImporting = new ArrayList<>();
    // asked from another connection at the end of the last file, before the commit
    ProgressListener lookFromOutside = (done, total) -> {
      if (done == total) {
        try {
          seenWhileImporting.addAll(List.of(Long.toString(count("company")), Long.toString(count("office")),
              rows("select version || ' ' || state from master_version order by version").toString(),
              Long.toString(new MasterVersions(dataSource).latestPublished().getAsLong())));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };

    // offices first on the command line: a version applies companies before offices whatever the order
    VersionReport version = importer.importVersion(List.of(MasterFile.offices(Fixtures.path("csv/offices.csv")),
        MasterFile.nta(Fixtures.nta("nta-20260821-sjis.csv")),
        MasterFile.companies(Fixtures.path("csv/companies.csv"))),
        file -> file.kind() == MasterFile.Kind.OFFICES ? lookFromOutside : ProgressListener.NONE);

    assertThat(seenWhileImporting).containsExactly("1", "0",
        "[" + before.version() + " PUBLISHED, " + version.version() + " IMPORTING]", Long.toString(before.version()));
    assertThat(version.version()).isEqualTo(before.version() + 1);
    assertThat(version.parentVersion()).hasValue(before.version());
    assertThat(version.files()).extracting(ImportReport::source)
        .containsExactly("nta:nta-20260821-sjis.csv", "companies:companies.csv", "offices:offices.csv");
    assertThat(version.files()).extracting(ImportReport::version).containsOnly(version.version());
    assertThat(version.officesWritten()).isEqualTo(3);
    assertThat(row("select state, sources, companies, offices, former_names, companies_deleted, rows_rejected "
        + "from master_version where version = " + version.version())).containsExactly("PUBLISHED",
            "nta:nta-20260821-sjis.csv, companies:companies.csv, offices:offices.csv", "1945", "3", "56", "0", "8");
    assertThat(counts()).containsExactly(1946L, 3L, 56L, 2L);
  }

  @Test
  void aFailedVersionLeavesNothingVisibleAndIsMarkedFailed() throws Exception {
    ImportReport published = importer.importCompanies(Fixtures.path("csv/companies.csv"), ProgressListener.NONE);
    List<Long> before = counts();
    Path broken = Fixtures.write(temp, "offices.csv", "office_id,name\nO9,支店\n", UTF_8, false);

    assertThatThrownBy(() -> importer.importVersion(List.of(MasterFile.nta(Fixtures.nta(
        "nta-20260821-sjis.csv")), MasterFile.offices(broken)), file -> ProgressListener.NONE))
        .isInstanceOf(MasterFileException.class)
        .hasMessageContaining("'company_id'");

    assertThat(counts()).isEqualTo(before);
    assertThat(row("select version, state, finished_at is not null, failure_reason like '%company_id%' "
        + "from master_version where state <> 'PUBLISHED'"))
        .containsExactly(Long.toString(published.version() + 1), "FAILED", "t", "t");
    assertThat(new MasterVersions(dataSource).latestPublished()).hasValue(published.version());
    // the next version is built on the last published one, not on the failed one
    ImportReport next = importer.importCompanies(Fixtures.path("csv/companies.csv"), ProgressListener.NONE);
    assertThat(next.version()).isEqualTo(published.version() + 2);
    assertThat(row("select parent_version from master_version where version = " + next.version()))
        .containsExactly(Long.toString(published.version()));
  }

  @Test
  void aVersionLeftImportingByADeadProcessIsMarkedFailed() throws Exception {
    ImportReport published = importer.importCompanies(Fixtures.path("csv/companies.csv"), ProgressListener.NONE);
    // what a process killed in the middle of its import leaves: the row, none of the data
    execute("insert into master_version (version, parent_version, state, sources) values ("
        + (published.version() + 1) + ", " + published.version() + ", 'IMPORTING', 'nta:killed.csv')");

    assertThat(new MasterVersions(dataSource).reconcile()).isEqualTo(1);

    assertThat(row("select state, failure_reason from master_version where version = " + (published.version() + 1)))
        .containsExactly("FAILED", MasterVersions.ABANDONED);
    assertThat(new MasterVersions(dataSource).reconcile()).isZero();
    execute("insert into master_version (version, parent_version, state, sources) values ("
        + (published.version() + 2) + ", " + published.version() + ", 'IMPORTING', 'nta:killed-again.csv')");
    ImportReport next = importer.importCompanies(Fixtures.path("csv/companies.csv"), ProgressListener.NONE);
    assertThat(next.version()).isEqualTo(published.version() + 3);
    assertThat(rows("select version || ' ' || state from master_version order by version")).containsExactly(
        published.version() + " PUBLISHED", (published.version() + 1) + " FAILED", (published.version() + 2) + " FAILED",
        next.version() + " PUBLISHED");
  }

  @Test
  void reportsProgress() throws Exception {
    Map<Long, Long> progress = new LinkedHashMap<>();

    importer.importNta(Fixtures.nta("nta-20260821-sjis.csv"), progress::put);

    assertThat(progress).containsEntry(2181L, 2181L);
  }

  private static List<Long> counts() throws SQLException {
    List<Long> counts = new ArrayList<>();
    for (String table : List.of("company", "office", "company_former_name", "master_version where state = 'PUBLISHED'")) {
      counts.add(count(table));
    }
    return counts;
  }

  private static long count(String from) throws SQLException {
    return Long.parseLong(row("select count(*) from " + from).get(0));
  }

  private static List<String> row(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from: %s", sql).isTrue();
      List<String> values = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        values.add(rs.getString(i));
      }
      return values;
    }
  }

  private static List<String> rows(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
