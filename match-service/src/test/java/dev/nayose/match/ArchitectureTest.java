package dev.nayose.match;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.nayose.match", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..match.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
          "io.awspring..", "io.micrometer..", "tools.jackson..", "java.sql..", "javax.sql..", "jakarta..",
          "dev.nayose.platform..")
      .because("the matcher is shared by the service, the CLI and benchmarks, with no framework under it");

  @ArchTest
  static final ArchRule domainKnowsNothingOfTheService = noClasses().that().resideInAPackage("..match.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("..match.app..", "..match.adapter..", "..match.config..");

  @ArchTest
  static final ArchRule appKnowsNoAdapter = noClasses().that().resideInAPackage("..match.app..")
      .should().dependOnClassesThat().resideInAnyPackage("..match.adapter..", "..match.config..",
          "software.amazon..", "io.awspring..", "org.springframework.jdbc..");
}
