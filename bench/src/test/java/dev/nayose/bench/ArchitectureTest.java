package dev.nayose.bench;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.nayose.testsupport.NayoseArchitecture;

/**
 * The benchmarks are plain Java over the matcher's public API: no class of theirs lies in the matcher's
 * package to reach its package-private code (as they once did in dev.nayose.match.domain).
 */
@AnalyzeClasses(packages = NayoseArchitecture.NAYOSE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule plainJava = NayoseArchitecture.plainJava("dev.nayose.bench");

  @ArchTest
  static final ArchRule noSplitPackages = NayoseArchitecture.noSplitPackages("dev.nayose.bench");
}
