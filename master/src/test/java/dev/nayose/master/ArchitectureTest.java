package dev.nayose.master;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.nayose.testsupport.NayoseArchitecture;

/**
 * The master's records and readers are plain Java: the matcher, intake, eval and the benchmarks use them with no
 * framework and no database under them. Writing the master to PostgreSQL is master-store's.
 */
@AnalyzeClasses(packages = NayoseArchitecture.NAYOSE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule plainJava = NayoseArchitecture.plainJava("dev.nayose.master");

  @ArchTest
  static final ArchRule noSplitPackages = NayoseArchitecture.noSplitPackages("dev.nayose.master");
}
