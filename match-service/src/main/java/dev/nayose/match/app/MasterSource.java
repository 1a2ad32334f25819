package dev.nayose.match.app;

import dev.nayose.match.domain.CompanyNameNormaliser;
import dev.nayose.match.domain.MasterIndex;
import java.util.OptionalLong;

/** Where the company master comes from (PostgreSQL in the service). */
public interface MasterSource {

  /** The id of the newest finished master import; empty when there has never been one. */
  OptionalLong latestImportId();

  /**
   * The whole master as of one consistent snapshot, indexed with {@code normaliser}, together with
   * the id of the newest import that snapshot contains; empty when there has never been an import.
   */
  java.util.Optional<LoadedMaster> load(CompanyNameNormaliser normaliser);

  /** A master index and the import it reflects. */
  record LoadedMaster(long importId, MasterIndex index) {}
}
