package dev.nayose.match;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.nayose.testsupport.NayoseArchitecture;

/**
 * The service is an adapter of the matcher (module matcher/, checked there): its app knows no adapter,
 * config or transport.
 */
@AnalyzeClasses(packages = NayoseArchitecture.NAYOSE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule layers = NayoseArchitecture.layers("dev.nayose.match");

  @ArchTest
  static final ArchRule noSplitPackages = NayoseArchitecture.noSplitPackages("dev.nayose.match");
}
