package dev.nayose.match.app;

import dev.nayose.matcher.CompanyNameNormaliser;
import dev.nayose.matcher.MasterIndex;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** A master source in memory: the newest published version and the index a load gives, both settable. */
final class FakeMasterSource implements MasterSource {
  Long latestImport;
  Supplier<MasterIndex> index;
  RuntimeException failure;
  int loads;

  @Override
  public OptionalLong latestVersion() {
    if (failure != null) {
      throw failure;
    }
    return latestImport == null ? OptionalLong.empty() : OptionalLong.of(latestImport);
  }

  @Override
  public Optional<LoadedMaster> load(CompanyNameNormaliser normaliser) {
    loads++;
    if (failure != null) {
      throw failure;
    }
    return latestImport == null ? Optional.empty() : Optional.of(new LoadedMaster(latestImport, index.get()));
  }
}
