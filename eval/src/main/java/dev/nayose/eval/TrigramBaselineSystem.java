package dev.nayose.eval;

import dev.nayose.contracts.Decision;
import dev.nayose.master.ProgressListener;
import dev.nayose.masterstore.ImportReport;
import dev.nayose.masterstore.MasterImporter;
import dev.nayose.schema.NayoseSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What users write instead of a matcher: PostgreSQL {@code pg_trgm}. The master is loaded into the
 * real {@code company} table, a GIN trigram index is built on {@code name}, and each posting takes
 * the company whose name is most {@code similarity()}-like to the posting's name as written, within
 * the posting's prefecture when its address (or work location) starts with one. At or above
 * {@code linkThreshold} it is MATCHED, from {@code reviewThreshold} REVIEW, below UNMATCHED.
 */
public final class TrigramBaselineSystem implements EvalSystem {
  private static final Logger log = LoggerFactory.getLogger(TrigramBaselineSystem.class);
  /** How a user finds the prefecture at the start of an address. */
  private static final Pattern PREFECTURE = Pattern.compile("^\\s*(東京都|北海道|京都府|大阪府|[^\\s都道府県]{2,3}県)");

  /**
   * Ways to create a database whose character classification knows Japanese letters: pg_trgm keeps
   * only alphanumeric characters, and in the C locale no kanji or kana is one, so every Japanese
   * name would have no trigram at all.
   */
  private static final List<String> DATABASE_OPTIONS = List.of(
      "template template0 encoding 'UTF8' locale_provider builtin builtin_locale 'C.UTF-8'",
      "template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'",
      "template template0 encoding 'UTF8' lc_collate 'C.utf8' lc_ctype 'C.utf8'");

  private final DataSource dataSource;
  private final double linkThreshold;
  private final double reviewThreshold;

  public TrigramBaselineSystem(DataSource dataSource, double linkThreshold, double reviewThreshold) {
    if (!(reviewThreshold > 0 && reviewThreshold <= linkThreshold && linkThreshold <= 1)) {
      throw new IllegalArgumentException("need 0 < review " + reviewThreshold + " <= link " + linkThreshold + " <= 1");
    }
    this.dataSource = dataSource;
    this.linkThreshold = linkThreshold;
    this.reviewThreshold = reviewThreshold;
  }

  /**
   * Creates database {@code name} (through a connection to another database of the server) with a
   * character classification under which pg_trgm makes trigrams of Japanese text.
   *
   * @throws IllegalStateException when no way works on this server
   */
  public static void createDatabase(DataSource admin, String name) throws SQLException {
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      for (String options : DATABASE_OPTIONS) {
        try {
          s.execute("create database " + name + " " + options);
          log.info("database {} created with {}", name, options);
          return;
        } catch (SQLException e) {
          log.info("database options not supported here ({}): {}", options, e.getMessage());
        }
      }
    }
    throw new IllegalStateException("cannot create a database with a UTF-8 character classification");
  }

  /**
   * Applies the schema, imports the set's master as a companies.csv with {@link MasterImporter},
   * and builds the trigram index.
   *
   * @throws IllegalStateException when pg_trgm makes no trigram of Japanese text in this database
   */
  public static ImportReport load(DataSource dataSource, EvalSet set, Path workDir) throws IOException, SQLException {
    NayoseSchema.migrate(dataSource);
    Files.createDirectories(workDir);
    Path companies = workDir.resolve("companies.csv");
    set.writeMaster(companies);
    ImportReport report = new MasterImporter(dataSource).importCompanies(companies, ProgressListener.NONE);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("create extension if not exists pg_trgm");
      try (ResultSet rs = s.executeQuery("select cardinality(show_trgm('株式会社さくら商事'))")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          throw new IllegalStateException("pg_trgm makes no trigram of Japanese text: database ctype is C");
        }
      }
      // the default 64 MB makes building the index of a 1.4-million-company master spill to disk
      s.execute("set maintenance_work_mem = '512MB'");
      s.execute("create index if not exists company_name_trgm on company using gin (name gin_trgm_ops)");
      s.execute("analyze company");
    }
    return report;
  }

  @Override
  public String name() {
    return "pg_trgm";
  }

  @Override
  public Map<String, PostingDecision> decide(List<EvalPosting> postings) throws SQLException {
    Map<String, PostingDecision> decisions = new HashMap<>(postings.size() * 2);
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        // the % operator (which the GIN index serves) keeps pairs at or above this similarity
        s.execute("set pg_trgm.similarity_threshold = " + reviewThreshold);
      }
      String select = "select company_id, similarity(name, ?) as s from company where name % ?";
      String order = " order by s desc, company_id limit 1";
      try (PreparedStatement anywhere = c.prepareStatement(select + order);
          PreparedStatement inPrefecture = c.prepareStatement(select + " and prefecture = ?" + order)) {
        long started = System.nanoTime();
        for (EvalPosting p : postings) {
          if (!decisions.isEmpty() && decisions.size() % 500 == 0) {
            log.info("pg_trgm: {} of {} postings decided in {} s", decisions.size(), postings.size(),
                (System.nanoTime() - started) / 1_000_000_000);
          }
          String prefecture = prefecture(p.address());
          if (prefecture == null) {
            prefecture = prefecture(p.workLocation());
          }
          PreparedStatement query = prefecture == null ? anywhere : inPrefecture;
          query.setString(1, p.companyName());
          query.setString(2, p.companyName());
          if (prefecture != null) {
            query.setString(3, prefecture);
          }
          decisions.put(p.postingId(), decide(p.postingId(), query));
        }
      }
    }
    return decisions;
  }

  private PostingDecision decide(String postingId, PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      if (!rs.next()) {
        return new PostingDecision(postingId, Decision.UNMATCHED, null, 0.0);
      }
      double similarity = rs.getDouble("s");
      String companyId = rs.getString("company_id");
      if (similarity >= linkThreshold) {
        return new PostingDecision(postingId, Decision.MATCHED, companyId, similarity);
      }
      if (similarity >= reviewThreshold) {
        return new PostingDecision(postingId, Decision.REVIEW, companyId, similarity);
      }
      return new PostingDecision(postingId, Decision.UNMATCHED, null, similarity);
    }
  }

  static String prefecture(String address) {
    if (address == null) {
      return null;
    }
    Matcher m = PREFECTURE.matcher(address);
    return m.find() ? m.group(1) : null;
  }
}
