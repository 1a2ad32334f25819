package dev.nayose.load;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.nayose.load", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..load.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
          "io.awspring..", "io.micrometer..", "tools.jackson..", "java.sql..", "javax.sql..", "jakarta..",
          "dev.nayose.platform..", "..load.app..", "..load.adapter..", "..load.config..");

  @ArchTest
  static final ArchRule appKnowsNoAdapterNorTransport = noClasses().that().resideInAPackage("..load.app..")
      .should().dependOnClassesThat().resideInAnyPackage("..load.adapter..", "..load.config..",
          "software.amazon..", "io.awspring..", "org.springframework..", "java.sql..", "javax.sql..");

  @ArchTest
  static final ArchRule outboundAdaptersDoNotUseInbound = noClasses().that().resideInAPackage("..load.adapter.out..")
      .should().dependOnClassesThat().resideInAPackage("..load.adapter.in..");
}
