package dev.nayose.match.adapter.out.jdbc;

import dev.nayose.master.Company;
import dev.nayose.master.Office;
import dev.nayose.match.app.MasterSource;
import dev.nayose.matcher.CompanyNameNormaliser;
import dev.nayose.matcher.MasterIndexFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the company master from PostgreSQL. The whole master is read in one read-only
 * REPEATABLE READ transaction, so the companies, former names and offices of an index belong to
 * the same snapshot as the master version it reports (the version query is the transaction's first,
 * which fixes the snapshot: every row of that version and none of a later one); rows are streamed with a fetch size (a cursor:
 * PostgreSQL only honours it inside a transaction) instead of being held in memory.
 */
public class MasterRepository implements MasterSource {
  private static final Logger log = LoggerFactory.getLogger(MasterRepository.class);
  /** Only a committed, complete version is PUBLISHED; the rows of an importing one are not visible yet. */
  private static final String LATEST_VERSION = "select max(version) from master_version where state = 'PUBLISHED'";

  private final JdbcTemplate jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate snapshot;

  public MasterRepository(DataSource dataSource, PlatformTransactionManager transactions, int fetchSize) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(fetchSize);
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  @Override
  public OptionalLong latestVersion() {
    Long id = jdbc.queryForObject(LATEST_VERSION, Long.class);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  @Override
  public Optional<LoadedMaster> load(CompanyNameNormaliser normaliser) {
    return snapshot.execute(tx -> {
      Long version = streaming.queryForObject(LATEST_VERSION, Long.class);
      if (version == null) {
        return Optional.empty();
      }
      MasterIndexFactory factory = new MasterIndexFactory(normaliser);
      // collate "C": the factory wants companies in Java's String order, which is byte order for ids
      streaming.query("""
          select company_id, corporate_number, name, prefecture, city, street, postal_code, phone, website, kind,
                 closed_on, name_kana
            from company order by company_id collate "C"
          """, rs -> {
            factory.add(new Company(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(12), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getObject(11, LocalDate.class), null, List.of()));
          });
      streaming.query("select company_id, name from company_former_name order by company_id collate \"C\"", rs -> {
        factory.addFormerName(rs.getString(1), rs.getString(2));
      });
      streaming.query("""
          select office_id, company_id, name, prefecture, city, street, postal_code, phone
            from office order by company_id collate "C", office_id collate "C"
          """, rs -> {
            Office office = new Office(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
            factory.add(office);
          });
      if (factory.skipped() > 0) {
        log.warn("{} former names or offices of unknown companies were skipped", factory.skipped());
      }
      return Optional.of(new LoadedMaster(version, factory.build()));
    });
  }
}
