package dev.nayose.match.app;

import dev.nayose.matcher.CompanyNameNormaliser;
import dev.nayose.matcher.MasterIndex;
import java.util.OptionalLong;

/** Where the company master comes from (PostgreSQL in the service). */
public interface MasterSource {

  /** The newest published master version (ADR 11); empty when none was ever published. */
  OptionalLong latestVersion();

  /**
   * The whole master as of one consistent snapshot, indexed with {@code normaliser}, together with
   * the newest published version that snapshot contains (all of it, nothing of a later one); empty
   * when none was ever published.
   */
  java.util.Optional<LoadedMaster> load(CompanyNameNormaliser normaliser);

  /** A master index and the version it holds. */
  record LoadedMaster(long version, MasterIndex index) {}
}
