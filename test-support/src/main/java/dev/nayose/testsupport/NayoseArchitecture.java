package dev.nayose.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The architecture rules of nayose, one copy for every module's {@code ArchitectureTest}.
 *
 * <p>An {@code ArchitectureTest} imports all of nayose's main classes on its classpath, so that
 * {@link #noSplitPackages} sees the other modules' classes, and applies the rules that fit the module:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = NayoseArchitecture.NAYOSE, importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *   @ArchTest static final ArchRule layers = NayoseArchitecture.layers("dev.nayose.load");
 *   @ArchTest static final ArchRule noSplitPackages = NayoseArchitecture.noSplitPackages("dev.nayose.load");
 * }
 * }</pre>
 *
 * A library (intake, matcher) is {@link #plainJava} as a whole; a service is {@link #layers}: its
 * {@code domain} plain Java, its {@code app} free of transports and of its own adapters and configuration.
 */
public final class NayoseArchitecture {

  /** The package to import: every nayose module's classes lie under it. */
  public static final String NAYOSE = "dev.nayose";

  /**
   * Frameworks, transports and infrastructure plain Java does without: the services adapt plain code to
   * them, never the other way.
   */
  static final String[] FRAMEWORKS = {
      "org.springframework..", "software.amazon..", "io.awspring..", "io.micrometer..", "tools.jackson..",
      "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "jakarta.."};

  /**
   * The nayose modules plain code must not know: what every stage shares at run time, the master's store in
   * PostgreSQL (master-store), the services and the applications. The libraries (contracts, schema, master,
   * intake, matcher) are allowed.
   */
  static final String[] RUNTIME_AND_APPLICATIONS = {
      "dev.nayose.platform..", "dev.nayose.masterstore..", "dev.nayose.ingest..", "dev.nayose.split..",
      "dev.nayose.match..", "dev.nayose.load..", "dev.nayose.cli..", "dev.nayose.eval..", "dev.nayose.bench..",
      "dev.nayose.localstack..", "dev.nayose.deploy.."};

  /** What a service's {@code app} (its handlers and ports) must not know besides its own adapters. */
  static final String[] TRANSPORTS = {
      "org.springframework..", "software.amazon..", "io.awspring..", "jakarta..", "java.sql..", "javax.sql.."};

  private NayoseArchitecture() {
  }

  /**
   * No class under {@code basePackage} depends on a framework, a transport, JDBC, Jackson, Micrometer, the
   * platform, a service or an application, so that every caller can run it with nothing under it.
   * Packages that contain {@code basePackage} itself are not forbidden (a service's domain may be plain and
   * still lie under the service's package; {@link #layers} keeps it from the rest of the service).
   */
  public static ArchRule plainJava(String basePackage) {
    return noClasses().that().resideInAPackage(basePackage + "..")
        .should().dependOnClassesThat().resideInAnyPackage(plainJavaForbids(basePackage))
        .as("classes in " + basePackage + " should be plain Java")
        .because("plain code is shared by the services, the CLI, eval and the benchmarks, with no framework under it");
  }

  /**
   * A service's layers under {@code basePackage} (STYLE, "The shape of a service"): {@code domain} is
   * {@link #plainJava} and knows no {@code app}, {@code adapter} or {@code config}; {@code app} knows no
   * {@code adapter}, no {@code config} and no transport (Spring, AWS SDK, Spring Cloud AWS, Jakarta, JDBC);
   * an outbound adapter ({@code adapter.out}) does not use an inbound one ({@code adapter.in}). A service
   * without a domain (match-service, whose domain is the matcher library) passes the domain rule.
   */
  public static ArchRule layers(String basePackage) {
    String app = basePackage + ".app..";
    String adapter = basePackage + ".adapter..";
    String config = basePackage + ".config..";
    ArchRule domainIsPlain = noClasses().that().resideInAPackage(basePackage + ".domain..")
        .should().dependOnClassesThat().resideInAnyPackage(concat(plainJavaForbids(basePackage + ".domain"),
            app, adapter, config))
        .as("the domain of " + basePackage + " should be plain Java and know no app, adapter or config")
        .allowEmptyShould(true);
    ArchRule appKnowsNoAdapter = noClasses().that().resideInAPackage(app)
        .should().dependOnClassesThat().resideInAnyPackage(concat(TRANSPORTS, adapter, config))
        .as("the app of " + basePackage + " should know no adapter, config or transport")
        .because("a handler is a function of its input message, tested without its listener or framework");
    ArchRule outDoesNotUseIn = noClasses().that().resideInAPackage(basePackage + ".adapter.out..")
        .should().dependOnClassesThat().resideInAPackage(basePackage + ".adapter.in..")
        .as("the outbound adapters of " + basePackage + " should not use its inbound adapters")
        .allowEmptyShould(true);
    return CompositeArchRule.of(domainIsPlain).and(appKnowsNoAdapter).and(outDoesNotUseIn);
  }

  /**
   * Every class of the module that holds {@code basePackage} lies under {@code basePackage}, and no other
   * location (another module's classes or jar) puts a class under it: no package is split between two
   * modules, so no module reaches another's package-private code. "The module" is the class-path location
   * (directory or jar) that holds most classes under {@code basePackage}; the rule needs the import to cover
   * {@link #NAYOSE}, else it sees nothing outside {@code basePackage}.
   */
  public static ArchRule noSplitPackages(String basePackage) {
    return classes().should(new ArchCondition<JavaClass>(
        "lie under " + basePackage + " when in its module, and in its module when under it") {
      private final PackageMatcher own = PackageMatcher.of(basePackage + "..");
      private String module;

      @Override
      public void init(Collection<JavaClass> all) {
        // the module is the location holding most of the package: another holding some of it is the intruder
        module = all.stream().filter(c -> own.matches(c.getPackageName()))
            .collect(Collectors.groupingBy(NayoseArchitecture::location, Collectors.counting()))
            .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
      }

      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean inPackage = own.matches(c.getPackageName());
        String location = location(c);
        if (inPackage && !location.equals(module)) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + " in " + location + " lies under "
              + basePackage + ", which the module " + module + " holds"));
        } else if (!inPackage && location.equals(module)) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + " lies outside " + basePackage
              + " but in its module, " + location));
        }
      }

      @Override
      public void finish(ConditionEvents events) {
        if (module == null) {
          events.add(SimpleConditionEvent.violated(basePackage, "no class lies under " + basePackage));
        }
      }
    }).as("the classes of the module of " + basePackage + " should all lie under it, and only they")
        .because("a split package lets one module reach another's package-private code");
  }

  private static String[] plainJavaForbids(String basePackage) {
    Stream<String> nayose = Stream.of(RUNTIME_AND_APPLICATIONS)
        .filter(p -> !PackageMatcher.of(p).matches(basePackage));
    return Stream.concat(Stream.of(FRAMEWORKS), nayose).toArray(String[]::new);
  }

  private static String[] concat(String[] first, String... more) {
    return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
  }

  /** The directory or jar a class was read from: its URI without the class file's path. */
  static String location(JavaClass c) {
    String uri = c.getSource().map(s -> s.getUri().toString()).orElse("(unknown)");
    String file = c.getName().replace('.', '/') + ".class";
    return uri.endsWith(file) ? uri.substring(0, uri.length() - file.length()) : uri;
  }
}
