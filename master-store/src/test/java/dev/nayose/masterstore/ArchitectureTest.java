package dev.nayose.masterstore;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.nayose.testsupport.NayoseArchitecture;

/**
 * master-store lies in a package of its own, not under {@code dev.nayose.master}: the store is JDBC, and
 * {@code dev.nayose.master..} is master's plain Java only.
 */
@AnalyzeClasses(packages = NayoseArchitecture.NAYOSE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noSplitPackages = NayoseArchitecture.noSplitPackages("dev.nayose.masterstore");
}
