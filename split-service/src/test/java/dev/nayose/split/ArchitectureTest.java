package dev.nayose.split;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.nayose.split", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule appKnowsNoAdapterNorTransport = noClasses().that().resideInAPackage("..split.app..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..", "io.awspring..",
          "..split.adapter..", "..split.config..");

  @ArchTest
  static final ArchRule adaptersDoNotUseEachOther = noClasses().that().resideInAPackage("..split.adapter.out..")
      .should().dependOnClassesThat().resideInAPackage("..split.adapter.in..");
}
