package dev.nayose.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule passes on the well-formed fixtures and names every violation the others hold. */
class NayoseArchitectureTest {

  private static final String FIXTURE = "dev.nayose.testsupport.fixture";
  private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(FIXTURE);

  @Test
  void plainJavaPassesTheJdk() {
    assertThat(violations(NayoseArchitecture.plainJava(FIXTURE + ".plain"), FIXTURES)).isEmpty();
  }

  @Test
  void plainJavaFlagsJdbc() {
    List<String> violations = violations(NayoseArchitecture.plainJava(FIXTURE + ".notplain"), FIXTURES);

    assertThat(violations).isNotEmpty()
        .allMatch(v -> v.contains("notplain.UsesJdbc") && v.contains("java.sql.Timestamp"));
  }

  @Test
  void layersPassAWellFormedService() {
    assertThat(violations(NayoseArchitecture.layers(FIXTURE + ".svc"), FIXTURES)).isEmpty();
  }

  @Test
  void layersFlagTheDomainTheAppAndTheAdapters() {
    List<String> violations = violations(NayoseArchitecture.layers(FIXTURE + ".badsvc"), FIXTURES);

    assertThat(violations)
        .anyMatch(v -> v.contains("badsvc.domain.Rule") && v.contains("badsvc.app.Handler"))
        .anyMatch(v -> v.contains("badsvc.app.Handler") && v.contains("badsvc.adapter.out.Publisher"))
        .anyMatch(v -> v.contains("badsvc.app.Handler") && v.contains("java.sql.Connection"))
        .anyMatch(v -> v.contains("badsvc.adapter.out.Publisher") && v.contains("badsvc.adapter.in.Listener"))
        .noneMatch(v -> v.contains(FIXTURE + ".svc."));
  }

  @Test
  void noSplitPackagesPassesWhenTheModuleHoldsOnlyItsPackage() {
    assertThat(violations(NayoseArchitecture.noSplitPackages(FIXTURE), FIXTURES)).isEmpty();
  }

  @Test
  void noSplitPackagesFlagsTheModulesClassesOutsideItsPackage() {
    List<String> violations = violations(NayoseArchitecture.noSplitPackages(FIXTURE + ".svc"), FIXTURES);

    assertThat(violations).hasSize(FIXTURES.size() - 4)
        .anyMatch(v -> v.contains("fixture.plain.Plain lies outside " + FIXTURE + ".svc"))
        .anyMatch(v -> v.contains("fixture.badsvc.app.Handler lies outside"))
        .noneMatch(v -> v.contains(FIXTURE + ".svc."));
  }

  @Test
  void noSplitPackagesFlagsTheClassesAnotherLocationPutsInThePackage() {
    // the package lies in this module's test classes (most of it) and in its main classes (NayoseArchitecture)
    JavaClasses both = new ClassFileImporter().importPackages("dev.nayose.testsupport");

    List<String> violations = violations(NayoseArchitecture.noSplitPackages("dev.nayose.testsupport"), both);

    assertThat(violations).isNotEmpty()
        .anyMatch(v -> v.startsWith(NayoseArchitecture.class.getName() + " in "))
        .anyMatch(v -> v.startsWith(TestFiles.class.getName() + " in "))
        .allMatch(v -> v.contains("/classes/ lies under") && v.endsWith("/test-classes/ holds"))
        .noneMatch(v -> v.contains(".fixture."));
  }

  @Test
  void noSplitPackagesFailsOnAPackageWithNoClass() {
    assertThat(violations(NayoseArchitecture.noSplitPackages(FIXTURE + ".nosuch"), FIXTURES))
        .containsExactly("no class lies under " + FIXTURE + ".nosuch");
  }

  @Test
  void aLocationIsTheClassPathEntry() {
    String location = NayoseArchitecture.location(FIXTURES.get(FIXTURE + ".plain.Plain"));

    assertThat(location).startsWith("file:").endsWith("/test-classes/");
  }

  private static List<String> violations(ArchRule rule, JavaClasses classes) {
    return rule.evaluate(classes).getFailureReport().getDetails();
  }
}
