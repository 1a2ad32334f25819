package dev.nayose.matcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The matcher is plain Java: match-service, the CLI, eval and the benchmarks run the same code with
 * no framework under it, and none of them is known to it.
 */
@AnalyzeClasses(packages = "dev.nayose.matcher", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule plainJava = noClasses().that().resideInAPackage("dev.nayose.matcher..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..",
          "io.awspring..", "io.micrometer..", "tools.jackson..", "java.sql..", "javax.sql..", "jakarta..",
          "dev.nayose.platform..", "dev.nayose.match..", "dev.nayose.eval..", "dev.nayose.bench..", "dev.nayose.cli..")
      .because("the matcher is shared by the service, the CLI and benchmarks, with no framework under it");
}
