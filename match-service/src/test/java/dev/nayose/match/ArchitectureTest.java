package dev.nayose.match;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The service is an adapter of the matcher (module matcher/, checked there): its app knows no adapter. */
@AnalyzeClasses(packages = "dev.nayose.match", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule appKnowsNoAdapter = noClasses().that().resideInAPackage("..match.app..")
      .should().dependOnClassesThat().resideInAnyPackage("..match.adapter..", "..match.config..",
          "software.amazon..", "io.awspring..", "org.springframework.jdbc..");
}
