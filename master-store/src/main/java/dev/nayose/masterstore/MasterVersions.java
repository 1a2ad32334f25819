package dev.nayose.masterstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * The {@code master_version} and {@code match_worker} tables (ADR 11) as the importer and the
 * command line read and write them. A version is IMPORTING while its transaction runs, PUBLISHED
 * once committed and FAILED when its import failed; a version left IMPORTING by a process that died
 * is marked FAILED by the next import or {@link #reconcile} (its rows were never committed).
 * Thread-safe: it holds nothing but the data source.
 */
public final class MasterVersions {
  /** The advisory lock that serialises imports: "nayose" in ASCII. */
  static final long IMPORT_LOCK = 0x6e61796f7365L;
  static final String ABANDONED = "the import process ended before its version was complete; nothing of it is visible";

  private final DataSource dataSource;

  public MasterVersions(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** A row of {@code master_version}. */
  public record Version(long version, Long parentVersion, String state, String sources, Integer companies,
      Integer offices, Integer formerNames, Integer companiesDeleted, Integer rowsRejected, Instant startedAt,
      Instant finishedAt, String failureReason) {}

  /** The registered match workers and the database's clock when they were read. */
  public record Roster(Instant now, List<MatchWorker> workers) {
    public Roster {
      Objects.requireNonNull(now, "now");
      workers = List.copyOf(workers);
    }

    /** The running workers that do not serve {@code version} yet. */
    public List<MatchWorker> behind(long version) {
      return MatchWorker.behind(workers, version, now);
    }

    public List<MatchWorker> running() {
      return workers.stream().filter(w -> w.running(now)).toList();
    }
  }

  /** The newest published version; empty when none was ever published. */
  public OptionalLong latestPublished() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return latestPublished(connection);
    }
  }

  /** The newest {@code limit} versions, newest first, whatever their state. */
  public List<Version> recent(int limit) throws SQLException {
    try (Connection connection = dataSource.getConnection();
         PreparedStatement ps = connection.prepareStatement(
             "select * from master_version order by version desc limit ?")) {
      ps.setInt(1, limit);
      List<Version> versions = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          versions.add(new Version(rs.getLong("version"), rs.getObject("parent_version", Long.class),
              rs.getString("state"), rs.getString("sources"), rs.getObject("companies", Integer.class),
              rs.getObject("offices", Integer.class), rs.getObject("former_names", Integer.class),
              rs.getObject("companies_deleted", Integer.class), rs.getObject("rows_rejected", Integer.class),
              instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("failure_reason")));
        }
      }
      return versions;
    }
  }

  /** Every match worker that ever registered, by id, with the database's clock. */
  public Roster workers() throws SQLException {
    try (Connection connection = dataSource.getConnection();
         Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("""
             select w.*, now() as db_now from match_worker w order by worker_id""")) {
      List<MatchWorker> workers = new ArrayList<>();
      Instant now = null;
      while (rs.next()) {
        now = instant(rs, "db_now");
        workers.add(new MatchWorker(rs.getString("worker_id"), rs.getString("state"),
            rs.getObject("master_version", Long.class), instant(rs, "loaded_at"), rs.getString("last_error"),
            instant(rs, "heartbeat_at"), Duration.ofMillis(rs.getInt("heartbeat_millis"))));
      }
      return new Roster(now == null ? databaseNow(connection) : now, workers);
    }
  }

  /**
   * Marks versions left IMPORTING by a process that died as FAILED, when no import is running
   * (the import lock is free); returns how many it marked.
   */
  public int reconcile() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      if (!tryLock(connection)) {
        return 0;
      }
      try {
        return failAbandoned(connection);
      } finally {
        unlock(connection);
      }
    }
  }

  static OptionalLong latestPublished(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("select max(version) from master_version where state = 'PUBLISHED'")) {
      rs.next();
      long version = rs.getLong(1);
      return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(version);
    }
  }

  /** Under the import lock: versions still IMPORTING belong to a dead process. */
  static int failAbandoned(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("""
        update master_version set state = 'FAILED', finished_at = now(), failure_reason = ?
         where state = 'IMPORTING'""")) {
      ps.setString(1, ABANDONED);
      return ps.executeUpdate();
    }
  }

  /**
   * Under the import lock, committed at once: the next version, IMPORTING, on top of the newest
   * published one. Returns its number and parent.
   */
  static Begun begin(Connection connection, String sources) throws SQLException {
    OptionalLong parent = latestPublished(connection);
    try (PreparedStatement ps = connection.prepareStatement("""
        insert into master_version (version, parent_version, state, sources)
        select coalesce(max(version), 0) + 1, ?, 'IMPORTING', ? from master_version
        returning version""")) {
      ps.setObject(1, parent.isPresent() ? parent.getAsLong() : null, java.sql.Types.BIGINT);
      ps.setString(2, sources);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Begun(rs.getLong(1), parent);
      }
    }
  }

  /** In the import's transaction: the version is complete; visible with the commit. */
  static void publish(Connection connection, VersionReport report) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("""
        update master_version set state = 'PUBLISHED', finished_at = clock_timestamp(), companies = ?, offices = ?,
               former_names = ?, companies_deleted = ?, rows_rejected = ?
         where version = ? and state = 'IMPORTING'""")) {
      ps.setInt(1, Math.toIntExact(report.companiesWritten()));
      ps.setInt(2, Math.toIntExact(report.officesWritten()));
      ps.setInt(3, Math.toIntExact(report.formerNamesWritten()));
      ps.setInt(4, Math.toIntExact(report.companiesDeleted()));
      ps.setInt(5, Math.toIntExact(report.rowsRejected()));
      ps.setLong(6, report.version());
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("master version " + report.version() + " is no longer IMPORTING; "
            + "was it marked FAILED while its import ran?");
      }
    }
  }

  /** After the import's rollback, committed at once. */
  static void fail(Connection connection, long version, String reason) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("""
        update master_version set state = 'FAILED', finished_at = now(), failure_reason = ?
         where version = ? and state = 'IMPORTING'""")) {
      ps.setString(1, reason == null || reason.isBlank() ? "the import failed" : reason);
      ps.setLong(2, version);
      ps.executeUpdate();
    }
  }

  static void lock(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("select pg_advisory_lock(" + IMPORT_LOCK + ")");
    }
  }

  static boolean tryLock(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + IMPORT_LOCK + ")")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  static void unlock(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("select pg_advisory_unlock(" + IMPORT_LOCK + ")");
    }
  }

  private static Instant databaseNow(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select now()")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  /** A version just begun. */
  record Begun(long version, OptionalLong parent) {}
}
