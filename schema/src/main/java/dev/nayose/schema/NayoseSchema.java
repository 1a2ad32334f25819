package dev.nayose.schema;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the nayose schema. The services let Spring Boot's Flyway support do this at start-up;
 * the CLI and tests that work on the database without a service call {@link #migrate}.
 */
public final class NayoseSchema {
  /** Where the migrations are on the classpath. */
  public static final String LOCATION = "classpath:db/migration";

  private NayoseSchema() {}

  /** Brings the database up to the newest version; concurrent callers are serialised by Flyway's lock. */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
  }
}
