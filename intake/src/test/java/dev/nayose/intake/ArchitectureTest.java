package dev.nayose.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The intake library is plain Java: the services adapt it to their frameworks, never the other way. */
@AnalyzeClasses(packages = "dev.nayose.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule plainJava = noClasses().that().resideInAPackage("dev.nayose.intake..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..", "io.awspring..",
          "jakarta..", "io.micrometer..", "tools.jackson..", "dev.nayose.platform..", "dev.nayose.split..",
          "dev.nayose.ingest..", "dev.nayose.cli..");
}
