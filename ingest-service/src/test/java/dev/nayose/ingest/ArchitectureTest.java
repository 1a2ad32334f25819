package dev.nayose.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.nayose.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("..ingest.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..", "io.awspring..",
          "jakarta..", "io.micrometer..", "..ingest.app..", "..ingest.adapter..", "..ingest.config..");

  @ArchTest
  static final ArchRule appKnowsNoAdapterNorFramework = noClasses().that().resideInAPackage("..ingest.app..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "software.amazon..",
          "io.awspring..", "jakarta.servlet..", "..ingest.adapter..", "..ingest.config..");

  @ArchTest
  static final ArchRule adaptersDoNotUseEachOther = noClasses().that().resideInAPackage("..ingest.adapter.out..")
      .should().dependOnClassesThat().resideInAPackage("..ingest.adapter.in..");
}
