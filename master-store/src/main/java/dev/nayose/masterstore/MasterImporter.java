package dev.nayose.masterstore;

import dev.nayose.master.CompaniesCsvReader;
import dev.nayose.master.Company;
import dev.nayose.master.CsvReadSummary;
import dev.nayose.master.FormerName;
import dev.nayose.master.MasterFile;
import dev.nayose.master.NtaFileReader;
import dev.nayose.master.NtaReadSummary;
import dev.nayose.master.OfficesCsvReader;
import dev.nayose.master.ProgressListener;
import dev.nayose.master.RejectReason;
import dev.nayose.master.RejectedRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports master files into the tables of {@code V2__company_master.sql} as master versions
 * ({@code V10__master_versions.sql}, ADR 11): one {@link #importVersion} call is one version, one
 * transaction that streams each file with {@code COPY} into a temporary staging table, applies the
 * checks that need the whole file or the database there and upserts into the real tables; its
 * commit publishes the version. A failure rolls the whole version back and marks it FAILED; a bad
 * row never does (it is rejected with its reason).
 *
 * <p>Rules:
 * <ul>
 *   <li>Upserts by primary key; {@code company.source} says which kind of file wrote the row last
 *       ({@code nta} or {@code companies.csv}). A source writes the columns it carries and leaves the others as
 *       they are: an NTA import does not touch {@code phone} and {@code website}, a companies.csv
 *       import does not touch {@code kind}, {@code closed_on}, {@code close_cause} or the former
 *       names. A row equal to the stored one is not rewritten ({@code updated_at} keeps the time
 *       of the last real change). Re-importing a file therefore changes nothing.</li>
 *   <li>A company_id or office_id repeated in a file: the first line wins, later ones are
 *       rejected. A corporate number repeated in a file, or held by another company of the master
 *       (unless this file gives that company another number), is rejected
 *       ({@link RejectReason#DUPLICATE_CORPORATE_NUMBER}).</li>
 *   <li>Former names (NTA) are merged, not replaced: a daily change file or the full file (which
 *       has no history) must not erase names learnt from earlier files. A name that is the
 *       company's current name is never kept as a former name.</li>
 *   <li>An NTA number whose newest record is a deletion (process 99) removes the company of that
 *       id that the NTA supplied, with its offices and former names.</li>
 *   <li>An office whose company is not in the master is rejected
 *       ({@link RejectReason#UNKNOWN_COMPANY}); import companies first.</li>
 * </ul>
 *
 * <p>The schema must be in place ({@code dev.nayose.schema.NayoseSchema.migrate}). Imports are
 * serialised by a session advisory lock (see {@link MasterVersions}), so two command-line imports
 * started at once run one after the other; readers of the master are not blocked and see the
 * previous version until commit.
 * Thread-safe: it holds nothing but the data source.
 */
public final class MasterImporter {
  private static final Logger log = LoggerFactory.getLogger(MasterImporter.class);

  /** Enough to keep the staging of about two million companies in memory. */
  private static final String TEMP_BUFFERS = "1GB";

  private static final String STAGE_COMPANY = """
      create temporary table stage_company (
        line bigint not null, company_id text not null, corporate_number text, name text not null,
        name_kana text, prefecture text, city text, street text, postal_code text, phone text,
        website text, kind text, closed_on date, close_cause text
      ) on commit drop""";
  private static final String STAGE_COMPANY_COLUMNS = "line, company_id, corporate_number, name, name_kana, "
      + "prefecture, city, street, postal_code, phone, website, kind, closed_on, close_cause";
  private static final String STAGE_FORMER_NAME = """
      create temporary table stage_former_name (company_id text not null, name text not null, until_date date)
      on commit drop""";
  private static final String STAGE_OFFICE = """
      create temporary table stage_office (
        line bigint not null, office_id text not null, company_id text not null, name text,
        prefecture text, city text, street text, postal_code text, phone text
      ) on commit drop""";
  private static final String STAGE_OFFICE_COLUMNS =
      "line, office_id, company_id, name, prefecture, city, street, postal_code, phone";

  /*
   * The upserts join the stage to the table first and pass on only new or changed rows: ON CONFLICT
   * locks every conflicting row even when its WHERE then skips it, which made re-importing an
   * unchanged master of 1.4 million companies cost as much as importing it.
   */
  private static final String UPSERT_NTA_COMPANIES = """
      insert into company as t (company_id, corporate_number, name, name_kana, prefecture, city, street,
                                postal_code, kind, closed_on, close_cause, source)
      select s.company_id, s.corporate_number, s.name, s.name_kana, s.prefecture, s.city, s.street,
             s.postal_code, s.kind, s.closed_on, s.close_cause, 'nta'
      from stage_company s left join company c on c.company_id = s.company_id
      where c.company_id is null
         or (c.corporate_number, c.name, c.name_kana, c.prefecture, c.city, c.street, c.postal_code,
             c.kind, c.closed_on, c.close_cause, c.source)
            is distinct from
            (s.corporate_number, s.name, s.name_kana, s.prefecture, s.city, s.street, s.postal_code,
             s.kind, s.closed_on, s.close_cause, 'nta')
      on conflict (company_id) do update set
        corporate_number = excluded.corporate_number, name = excluded.name, name_kana = excluded.name_kana,
        prefecture = excluded.prefecture, city = excluded.city, street = excluded.street,
        postal_code = excluded.postal_code, kind = excluded.kind, closed_on = excluded.closed_on,
        close_cause = excluded.close_cause, source = excluded.source, updated_at = now()""";

  private static final String UPSERT_CSV_COMPANIES = """
      insert into company as t (company_id, corporate_number, name, name_kana, prefecture, city, street,
                                postal_code, phone, website, source)
      select s.company_id, s.corporate_number, s.name, s.name_kana, s.prefecture, s.city, s.street,
             s.postal_code, s.phone, s.website, 'companies.csv'
      from stage_company s left join company c on c.company_id = s.company_id
      where c.company_id is null
         or (c.corporate_number, c.name, c.name_kana, c.prefecture, c.city, c.street, c.postal_code,
             c.phone, c.website, c.source)
            is distinct from
            (s.corporate_number, s.name, s.name_kana, s.prefecture, s.city, s.street, s.postal_code,
             s.phone, s.website, 'companies.csv')
      on conflict (company_id) do update set
        corporate_number = excluded.corporate_number, name = excluded.name, name_kana = excluded.name_kana,
        prefecture = excluded.prefecture, city = excluded.city, street = excluded.street,
        postal_code = excluded.postal_code, phone = excluded.phone, website = excluded.website,
        source = excluded.source, updated_at = now()""";

  private static final String MERGE_FORMER_NAMES = """
      insert into company_former_name as t (company_id, name, until_date)
      select f.company_id, f.name, f.until_date
      from stage_former_name f
      where exists (select 1 from stage_company s where s.company_id = f.company_id)
      on conflict (company_id, name) do update set until_date = greatest(t.until_date, excluded.until_date)
      where t.until_date is distinct from greatest(t.until_date, excluded.until_date)""";

  private static final String DROP_CURRENT_FROM_FORMER_NAMES = """
      delete from company_former_name f using stage_company s
      where f.company_id = s.company_id and f.name = s.name""";

  private static final String UPSERT_OFFICES = """
      insert into office as t (office_id, company_id, name, prefecture, city, street, postal_code, phone)
      select s.office_id, s.company_id, s.name, s.prefecture, s.city, s.street, s.postal_code, s.phone
      from stage_office s left join office o on o.office_id = s.office_id
      where o.office_id is null
         or (o.company_id, o.name, o.prefecture, o.city, o.street, o.postal_code, o.phone)
            is distinct from
            (s.company_id, s.name, s.prefecture, s.city, s.street, s.postal_code, s.phone)
      on conflict (office_id) do update set
        company_id = excluded.company_id, name = excluded.name, prefecture = excluded.prefecture,
        city = excluded.city, street = excluded.street, postal_code = excluded.postal_code,
        phone = excluded.phone, updated_at = now()""";

  private final DataSource dataSource;

  public MasterImporter(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Imports an NTA corporate-number file (see {@link NtaFileReader}): companies with their former
   * names; deleted numbers remove their company.
   */
  public ImportReport importNta(Path file, ProgressListener progress) throws IOException, SQLException {
    return importVersion(List.of(MasterFile.nta(file)), f -> progress).files().get(0);
  }

  /** Imports a companies.csv (see {@link CompaniesCsvReader}) as a version of its own. */
  public ImportReport importCompanies(Path file, ProgressListener progress) throws IOException, SQLException {
    return importVersion(List.of(MasterFile.companies(file)), f -> progress).files().get(0);
  }

  /**
   * Imports an offices.csv (see {@link OfficesCsvReader}) as a version of its own; the companies
   * must be in the master already.
   */
  public ImportReport importOffices(Path file, ProgressListener progress) throws IOException, SQLException {
    return importVersion(List.of(MasterFile.offices(file)), f -> progress).files().get(0);
  }

  /**
   * Imports {@code files} as ONE master version: applied in {@link MasterFile#inApplyOrder} order in
   * one transaction on top of the newest published version, published by its commit. Nothing of
   * the version is visible before; a failure rolls all of it back and marks the version FAILED.
   *
   * @param progress the progress listener of each file
   */
  public VersionReport importVersion(List<MasterFile> files, Function<MasterFile, ProgressListener> progress)
      throws IOException, SQLException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("a master version needs at least one file");
    }
    List<MasterFile> ordered = MasterFile.inApplyOrder(files);
    String sources = String.join(", ", ordered.stream().map(MasterFile::source).toList());
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      // a second import waits for the first instead of racing it for the same rows and numbers
      MasterVersions.lock(connection);
      try {
        int abandoned = MasterVersions.failAbandoned(connection);
        if (abandoned > 0) {
          log.warn("{} master version(s) left IMPORTING by a process that died are marked FAILED", abandoned);
        }
        MasterVersions.Begun begun = MasterVersions.begin(connection, sources);
        log.info("master version {} (on top of {}): importing {}", begun.version(),
            begun.parent().isPresent() ? begun.parent().getAsLong() : "nothing", sources);
        try {
          connection.setAutoCommit(false);
          // sorts and hashes over a million staged rows stay in memory
          execute(connection, "set local work_mem = '256MB'");
          enlargeTempBuffers(connection);
          List<ImportReport> reports = new ArrayList<>();
          for (MasterFile file : ordered) {
            reports.add(apply(connection, file, progress.apply(file), begun.version()));
          }
          var report = new VersionReport(begun.version(), begun.parent(), reports,
              Duration.ofNanos(System.nanoTime() - started));
          MasterVersions.publish(connection, report);
          connection.commit();
          log.info("master version {} published: {} companies, {} offices, {} former names, {} deleted, "
                  + "{} rejected, {} ms", report.version(), report.companiesWritten(), report.officesWritten(),
              report.formerNamesWritten(), report.companiesDeleted(), report.rowsRejected(),
              report.elapsed().toMillis());
          return report;
        } catch (IOException | SQLException | RuntimeException e) {
          connection.rollback();
          connection.setAutoCommit(true);
          markFailed(connection, begun.version(), e);
          throw e;
        }
      } finally {
        connection.setAutoCommit(true);
        MasterVersions.unlock(connection);
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private static void markFailed(Connection connection, long version, Exception cause) {
    try {
      MasterVersions.fail(connection, version, cause.getMessage() == null ? cause.toString() : cause.getMessage());
      log.warn("master version {} FAILED, nothing of it is visible: {}", version, cause.toString());
    } catch (SQLException e) {
      // the next import marks it FAILED as abandoned
      cause.addSuppressed(e);
    }
  }

  private ImportReport apply(Connection connection, MasterFile file, ProgressListener progress, long version)
      throws IOException, SQLException {
    // a version of several files stages each in fresh tables
    execute(connection, "drop table if exists stage_company, stage_former_name, stage_office, held_number");
    return switch (file.kind()) {
      case NTA -> nta(connection, file, progress, version);
      case COMPANIES -> companies(connection, file, progress, version);
      case OFFICES -> offices(connection, file, progress, version);
    };
  }

  private ImportReport nta(Connection connection, MasterFile masterFile, ProgressListener progress, long version)
      throws IOException, SQLException {
    long started = System.nanoTime();
    Path file = masterFile.path();
    String source = masterFile.source();
    create(connection, STAGE_COMPANY, STAGE_FORMER_NAME);
    List<FormerNameRow> formerNames = new ArrayList<>();
    CopyText copy = CopyText.start(connection, "stage_company", STAGE_COMPANY_COLUMNS);
    NtaReadSummary read;
    try {
      read = NtaFileReader.read(file, progress, (line, company) -> {
        stageCompany(copy, line, company);
        for (FormerName former : company.formerNames()) {
          formerNames.add(new FormerNameRow(company.companyId(), former));
        }
      });
      copy.finish();
    } catch (IOException | RuntimeException e) {
      copy.abort();
      throw e;
    }
    CopyText formerCopy = CopyText.start(connection, "stage_former_name", "company_id, name, until_date");
    try {
      for (FormerNameRow row : formerNames) {
        formerCopy.field(row.companyId()).field(row.formerName().name()).field(row.formerName().untilDate()).endRow();
      }
      formerCopy.finish();
    } catch (IOException | RuntimeException e) {
      formerCopy.abort();
      throw e;
    }
    phase(source, "staged", started);
    analyze(connection, "stage_company", "stage_former_name");

    List<RejectedRow> rejected = new ArrayList<>(read.rejected());
    rejected.addAll(rejectHeldCorporateNumbers(connection));
    long companies = count(connection, "stage_company");
    phase(source, "checked", started);
    execute(connection, UPSERT_NTA_COMPANIES);
    phase(source, "upserted", started);
    long former = count(connection,
        "stage_former_name f where exists (select 1 from stage_company s where s.company_id = f.company_id)");
    execute(connection, MERGE_FORMER_NAMES);
    execute(connection, DROP_CURRENT_FROM_FORMER_NAMES);
    long deleted = deleteNtaCompanies(connection, read.deletedCorporateNumbers());
    return report(version, source, read.rowsRead(), companies, 0, former, deleted, rejected, started);
  }

  private ImportReport companies(Connection connection, MasterFile masterFile, ProgressListener progress,
      long version) throws IOException, SQLException {
    long started = System.nanoTime();
    Path file = masterFile.path();
    String source = masterFile.source();
    create(connection, STAGE_COMPANY);
    CopyText copy = CopyText.start(connection, "stage_company", STAGE_COMPANY_COLUMNS);
    CsvReadSummary read;
    try {
      read = CompaniesCsvReader.read(file, progress, (line, company) -> stageCompany(copy, line, company));
      copy.finish();
    } catch (IOException | RuntimeException e) {
      copy.abort();
      throw e;
    }
    phase(source, "staged", started);
    analyze(connection, "stage_company");

    List<RejectedRow> rejected = new ArrayList<>(read.rejected());
    rejected.addAll(rejectRepeated(connection, "stage_company", "company_id", RejectReason.DUPLICATE_COMPANY_ID));
    rejected.addAll(rejectRepeated(connection, "stage_company", "corporate_number",
        RejectReason.DUPLICATE_CORPORATE_NUMBER));
    rejected.addAll(rejectHeldCorporateNumbers(connection));
    long companies = count(connection, "stage_company");
    phase(source, "checked", started);
    execute(connection, UPSERT_CSV_COMPANIES);
    phase(source, "upserted", started);
    execute(connection, DROP_CURRENT_FROM_FORMER_NAMES);
    return report(version, source, read.rowsRead(), companies, 0, 0, 0, rejected, started);
  }

  private ImportReport offices(Connection connection, MasterFile masterFile, ProgressListener progress,
      long version) throws IOException, SQLException {
    long started = System.nanoTime();
    Path file = masterFile.path();
    String source = masterFile.source();
    create(connection, STAGE_OFFICE);
    CopyText copy = CopyText.start(connection, "stage_office", STAGE_OFFICE_COLUMNS);
    CsvReadSummary read;
    try {
      read = OfficesCsvReader.read(file, progress, (line, office) -> copy.field(line)
          .field(office.officeId()).field(office.companyId()).field(office.name()).field(office.prefecture())
          .field(office.city()).field(office.street()).field(office.postalCode()).field(office.phone())
          .endRow());
      copy.finish();
    } catch (IOException | RuntimeException e) {
      copy.abort();
      throw e;
    }
    phase(source, "staged", started);
    analyze(connection, "stage_office");

    List<RejectedRow> rejected = new ArrayList<>(read.rejected());
    rejected.addAll(rejectRepeated(connection, "stage_office", "office_id", RejectReason.DUPLICATE_OFFICE_ID));
    rejected.addAll(rejectUnknownCompanies(connection));
    long offices = count(connection, "stage_office");
    phase(source, "checked", started);
    execute(connection, UPSERT_OFFICES);
    phase(source, "upserted", started);
    return report(version, source, read.rowsRead(), 0, offices, 0, 0, rejected, started);
  }

  private static void stageCompany(CopyText copy, long line, Company c) throws IOException {
    copy.field(line).field(c.companyId()).field(c.corporateNumber()).field(c.name()).field(c.nameKana())
        .field(c.prefecture()).field(c.city()).field(c.street()).field(c.postalCode()).field(c.phone())
        .field(c.website()).field(c.kind()).field(c.closedOn()).field(c.closeCause())
        .endRow();
  }

  /**
   * Rows whose {@code column} value an earlier line of the file already has. The cheap grouping
   * query runs first because a clean file (the usual case) then needs no sort of the whole stage.
   */
  private static List<RejectedRow> rejectRepeated(Connection connection, String table, String column,
      RejectReason reason) throws SQLException {
    boolean anyRepeated;
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("select 1 from " + table + " where " + column + " is not null group by "
             + column + " having count(*) > 1 limit 1")) {
      anyRepeated = rs.next();
    }
    if (!anyRepeated) {
      return List.of();
    }
    String sql = "with ranked as (select line, " + column + " as value, min(line) over (partition by " + column
        + ") as first_line from " + table + " where " + column + " is not null) "
        + "delete from " + table + " s using ranked r where s.line = r.line and r.line <> r.first_line "
        + "returning s.line, r.value, r.first_line";
    List<RejectedRow> rejected = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rejected.add(new RejectedRow(rs.getLong(1), column, reason,
            column + " '" + rs.getString(2) + "' is already on line " + rs.getLong(3)));
      }
    }
    return rejected;
  }

  /**
   * Staged companies whose corporate number another company of the master holds (the unique
   * constraint would fail the whole import). The holder keeps it unless this file gives the holder
   * another number; then the holder's number is cleared first, so that the upsert can move numbers
   * between companies in any row order. Repeated until stable, because rejecting a row can take
   * back a number it would have freed.
   */
  private static List<RejectedRow> rejectHeldCorporateNumbers(Connection connection) throws SQLException {
    execute(connection, """
        create temporary table held_number on commit drop as
        select s.line, s.corporate_number, c.company_id as holder
        from stage_company s join company c on c.corporate_number = s.corporate_number
        where c.company_id <> s.company_id""");
    List<RejectedRow> rejected = new ArrayList<>();
    while (true) {
      int before = rejected.size();
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery("""
               with kept as (
                 delete from held_number h
                 where not exists (select 1 from stage_company o
                                   where o.company_id = h.holder
                                     and o.corporate_number is distinct from h.corporate_number)
                 returning h.line, h.corporate_number, h.holder)
               delete from stage_company s using kept k where s.line = k.line
               returning k.line, k.corporate_number, k.holder""")) {
        while (rs.next()) {
          rejected.add(new RejectedRow(rs.getLong(1), "corporate_number", RejectReason.DUPLICATE_CORPORATE_NUMBER,
              "corporate_number " + rs.getString(2) + " belongs to company '" + rs.getString(3) + "' of the master"));
        }
      }
      if (rejected.size() == before) {
        break;
      }
    }
    execute(connection, """
        update company set corporate_number = null
        where company_id in (select holder from held_number)""");
    return rejected;
  }

  private static List<RejectedRow> rejectUnknownCompanies(Connection connection) throws SQLException {
    List<RejectedRow> rejected = new ArrayList<>();
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("""
             delete from stage_office s
             where not exists (select 1 from company c where c.company_id = s.company_id)
             returning s.line, s.company_id""")) {
      while (rs.next()) {
        rejected.add(new RejectedRow(rs.getLong(1), "company_id", RejectReason.UNKNOWN_COMPANY,
            "company_id '" + rs.getString(2) + "' is not in the master"));
      }
    }
    return rejected;
  }

  private static long deleteNtaCompanies(Connection connection, List<String> numbers) throws SQLException {
    if (numbers.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = connection.prepareStatement(
        "delete from company where company_id = any (?) and source = 'nta'")) {
      Array array = connection.createArrayOf("text", numbers.toArray());
      ps.setArray(1, array);
      return ps.executeUpdate();
    }
  }

  private static ImportReport report(long version, String source, long rowsRead, long companies, long offices,
      long formerNames, long deleted, List<RejectedRow> rejected, long startedNanos) {
    rejected.sort(Comparator.comparingLong(RejectedRow::lineNumber));
    var report = new ImportReport(version, source, rowsRead, companies, offices, formerNames, deleted, rejected,
        Duration.ofNanos(System.nanoTime() - startedNanos));
    log.info("master version {}, {}: {} rows read, {} companies, {} offices, {} former names, {} deleted, "
            + "{} rejected, {} ms", version, source, rowsRead, companies, offices, formerNames, deleted,
        rejected.size(), report.elapsed().toMillis());
    return report;
  }

  private static void phase(String source, String phase, long startedNanos) {
    log.debug("{}: {} at {} ms", source, phase, (System.nanoTime() - startedNanos) / 1_000_000);
  }

  private static void create(Connection connection, String... ddl) throws SQLException {
    for (String statement : ddl) {
      execute(connection, statement);
    }
  }

  /** Temporary tables are never analysed by autovacuum; without statistics the joins plan badly. */
  private static void analyze(Connection connection, String... tables) throws SQLException {
    execute(connection, "analyze " + String.join(", ", tables));
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Connection connection, String from) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + from)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The staging tables are scanned several times; with the default 8 MB of temp buffers every
   * scan of a million rows goes back to the file system. PostgreSQL only accepts the setting before
   * the session's first use of a temporary table, so on a pooled connection that has imported
   * before it may refuse: then the import goes on with what the session has.
   */
  private static void enlargeTempBuffers(Connection connection) throws SQLException {
    Savepoint savepoint = connection.setSavepoint();
    try {
      execute(connection, "set local temp_buffers = '" + TEMP_BUFFERS + "'");
      connection.releaseSavepoint(savepoint);
    } catch (SQLException e) {
      connection.rollback(savepoint);
      log.debug("temp_buffers stay as they are: {}", e.getMessage());
    }
  }

  private record FormerNameRow(String companyId, FormerName formerName) {}
}
