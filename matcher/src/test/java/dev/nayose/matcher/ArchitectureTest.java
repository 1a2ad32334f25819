package dev.nayose.matcher;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.nayose.testsupport.NayoseArchitecture;

/**
 * The matcher is plain Java: match-service, the CLI, eval and the benchmarks run the same code with no
 * framework under it, and none of them is known to it.
 */
@AnalyzeClasses(packages = NayoseArchitecture.NAYOSE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule plainJava = NayoseArchitecture.plainJava("dev.nayose.matcher");

  @ArchTest
  static final ArchRule noSplitPackages = NayoseArchitecture.noSplitPackages("dev.nayose.matcher");
}
