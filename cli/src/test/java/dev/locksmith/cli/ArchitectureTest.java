package dev.locksmith.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hexagon's boundaries across modules, checked on the main classes of every module (tests excluded):
 * core depends on the JDK alone; each adapter depends only on core's API (domain and ports), its own
 * technology and the JDK, never on core's use cases, internals or composition root, nor on another adapter;
 * no package cycles anywhere. ArchUnit's "fail on empty should" stays on, so a rule over a package that is
 * not on the class path (a renamed or missing module) fails instead of passing vacuously.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.locksmith");

    /** Core's API: what an adapter may see of core. */
    private static final String[] CORE_API = {"dev.locksmith.core.domain..", "dev.locksmith.core.port.."};
    /** The JDK (javax.sql, javax.net.ssl included). */
    private static final String[] JDK = {"java..", "javax.."};

    /** Each adapter's package root and the packages of its own technology. */
    private static final Map<String, List<String>> ADAPTERS = Map.of(
            "dev.locksmith.smtp", List.of("jakarta.mail..", "jakarta.activation..", "org.eclipse.angus.."),
            "dev.locksmith.crypto", List.of("org.bouncycastle.."),
            "dev.locksmith.screening", List.of("com.google.common..", "me.gosimple.nbvcxz..", "com.nulabinc.zxcvbn.."),
            "dev.locksmith.jdbc", List.of("org.jdbi.v3..", "com.zaxxer.hikari..", "org.flywaydb.."),
            "dev.locksmith.ldap", List.of("com.google.common..", "com.unboundid.."),
            "dev.locksmith.directory", List.of("com.google.common..", "com.unboundid.."));

    @Test
    void core_depends_on_nothing_but_the_jdk() {
        classes()
                .that()
                .resideInAPackage("dev.locksmith.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("dev.locksmith.core..", "java..")
                .check(MAIN);
    }

    /** Every adapter of {@link #ADAPTERS}, by its package root. */
    static Stream<String> adapters() {
        return ADAPTERS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0} depends only on core's API, its technology and the JDK")
    @MethodSource("adapters")
    void an_adapter_depends_only_on_core_api_its_technology_and_the_jdk(String root) {
        adapterRules(root).forEach(rule -> rule.check(MAIN));
    }

    @Test
    void nothing_but_the_command_line_depends_on_the_command_line() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.locksmith.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.locksmith.cli..")
                .check(MAIN);
    }

    @Test
    void no_cycles_between_modules() {
        slices().matching("dev.locksmith.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void no_cycles_between_packages() {
        slices().matching("dev.locksmith.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * The two rules of one adapter: its allowed dependencies (a whitelist), and, spelled out for a clear
     * failure message, the forbidden ones.
     */
    private static List<ArchRule> adapterRules(String root) {
        List<String> allowed = new ArrayList<>(List.of(root + ".."));
        allowed.addAll(List.of(CORE_API));
        allowed.addAll(List.of(JDK));
        allowed.addAll(ADAPTERS.get(root));
        List<String> forbidden = new ArrayList<>(List.of(
                "dev.locksmith.core",
                "dev.locksmith.core.usecase..",
                "dev.locksmith.core.internal..",
                "dev.locksmith.cli.."));
        ADAPTERS.keySet().stream()
                .filter(other -> !other.equals(root))
                .map(other -> other + "..")
                .forEach(forbidden::add);
        return List.of(
                classes()
                        .that()
                        .resideInAPackage(root + "..")
                        .should()
                        .onlyDependOnClassesThat()
                        .resideInAnyPackage(allowed.toArray(String[]::new))
                        .as("classes of " + root + " should depend only on core's domain and ports, "
                                + String.join(", ", ADAPTERS.get(root)) + " and the JDK"),
                noClasses()
                        .that()
                        .resideInAPackage(root + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(forbidden.toArray(String[]::new))
                        .as("classes of " + root + " should not depend on core's use cases, internals or composition "
                                + "root, nor on another adapter or the command line"));
    }
}
