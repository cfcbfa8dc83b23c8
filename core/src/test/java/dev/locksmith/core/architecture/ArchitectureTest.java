package dev.locksmith.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of core, checked on its main classes (tests excluded). ArchUnit's "fail on empty should"
 * stays on (the default), so a rule whose package is mistyped fails instead of passing on nothing.
 */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.locksmith.core");

    @Test
    void core_depends_only_on_the_jdk() {
        classes()
                .that()
                .resideInAPackage("dev.locksmith.core..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.locksmith.core..")
                .check(CORE);
    }

    @Test
    void the_domain_depends_on_nothing_else_of_core() {
        noClasses()
                .that()
                .resideInAPackage("dev.locksmith.core.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.locksmith.core",
                        "dev.locksmith.core.usecase..",
                        "dev.locksmith.core.port..",
                        "dev.locksmith.core.internal..")
                .check(CORE);
    }

    @Test
    void ports_depend_only_on_the_domain() {
        noClasses()
                .that()
                .resideInAPackage("dev.locksmith.core.port..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.locksmith.core", "dev.locksmith.core.usecase..", "dev.locksmith.core.internal..")
                .check(CORE);
    }

    @Test
    void internal_helpers_do_not_reach_back_into_use_cases_or_the_composition_root() {
        noClasses()
                .that()
                .resideInAPackage("dev.locksmith.core.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.locksmith.core", "dev.locksmith.core.usecase..")
                .check(CORE);
    }

    @Test
    void no_package_cycles() {
        slices().matching("dev.locksmith.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void no_standard_streams_and_no_java_util_logging() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CORE);
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(CORE);
    }

    @Test
    void driving_ports_are_interfaces_with_one_execute_method() {
        classes()
                .that()
                .resideInAPackage("dev.locksmith.core.usecase")
                .and()
                .areTopLevelClasses()
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .beInterfaces()
                .check(CORE);
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.locksmith.core.usecase")
                .and()
                .areDeclaredInClassesThat()
                .areTopLevelClasses()
                .and()
                .areNotStatic()
                .and()
                .doNotHaveModifier(JavaModifier.PRIVATE)
                .and()
                .areDeclaredInClassesThat()
                .doNotHaveSimpleName("AuthenticationOutcome")
                .should()
                .haveName("execute")
                .check(CORE);
    }

    /** A use case implementation: a {@code *Service} of core's top package, built by {@code Locksmith}. */
    private static final DescribedPredicate<JavaClass> A_USE_CASE_IMPLEMENTATION =
            JavaClass.Predicates.simpleNameEndingWith("Service")
                    .and(JavaClass.Predicates.resideInAPackage("dev.locksmith.core"))
                    .as("a use case implementation");

    @Test
    void use_case_implementations_are_not_api_and_only_the_composition_root_builds_them() {
        classes()
                .that()
                .implement(JavaClass.Predicates.resideInAPackage("dev.locksmith.core.usecase"))
                .and()
                .resideOutsideOfPackage("dev.locksmith.core.usecase..")
                .should()
                .notBePublic()
                .andShould()
                .haveModifier(JavaModifier.FINAL)
                .andShould()
                .resideInAPackage("dev.locksmith.core")
                .check(CORE);
        constructors()
                .that()
                .areDeclaredInClassesThat(A_USE_CASE_IMPLEMENTATION)
                .should()
                .notBePublic()
                .andShould()
                .onlyBeCalled()
                .byClassesThat()
                .haveSimpleName("Locksmith")
                .check(CORE);
    }

    /** The ports, the runner and the internal helpers a use case implementation may be given, and the JDK's types. */
    private static final DescribedPredicate<JavaClass> A_PORT_A_HELPER_OR_THE_JDK =
            JavaClass.Predicates.resideInAnyPackage(
                            "dev.locksmith.core.port..", "dev.locksmith.core.internal..", "java..")
                    .as("a port, an internal helper or a JDK type");

    @Test
    void use_case_implementations_are_given_each_port_they_use_not_a_holder_of_ports() {
        // Each collaborator is a constructor parameter of its own, never the composition root or another holder
        // that hands out ports; the next test checks that each one is used.
        constructors()
                .that()
                .areDeclaredInClassesThat(A_USE_CASE_IMPLEMENTATION)
                .should(haveOnlyParametersThat(A_PORT_A_HELPER_OR_THE_JDK))
                .check(CORE);
        fields().that()
                .areDeclaredInClassesThat(A_USE_CASE_IMPLEMENTATION)
                .should()
                .haveRawType(A_PORT_A_HELPER_OR_THE_JDK)
                .check(CORE);
    }

    @Test
    void use_case_implementations_use_every_port_they_are_given() {
        // A record's accessor reads its field, so a compiler sees every component as used: here a component
        // counts only when the implementation's own code (a method, a lambda, a nested class) reads it.
        fields().that()
                .areDeclaredInClassesThat(A_USE_CASE_IMPLEMENTATION)
                .and()
                .areNotStatic()
                .should(beReadByTheirOwnersCode())
                .check(CORE);
    }

    private static ArchCondition<JavaField> beReadByTheirOwnersCode() {
        return new ArchCondition<>("be read by their class's own code, not only by their accessor") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                JavaClass owner = field.getOwner();
                boolean read = field.getAccessesToSelf().stream()
                        .filter(access -> access.getAccessType() == JavaFieldAccess.AccessType.GET)
                        .map(JavaAccess::getOrigin)
                        .anyMatch(origin -> isOwnCode(origin, owner) && !isAccessorOf(origin, field));
                boolean accessorCalled = owner.getMethods().stream()
                        .filter(method -> method.getName().equals(field.getName())
                                && method.getRawParameterTypes().isEmpty())
                        .flatMap(accessor -> accessor.getCallsOfSelf().stream())
                        .anyMatch(call -> isOwnCode(call.getOrigin(), owner));
                events.add(new SimpleConditionEvent(
                        field,
                        read || accessorCalled,
                        field.getFullName() + (read || accessorCalled ? " is used" : " is never used")));
            }
        };
    }

    private static boolean isOwnCode(JavaCodeUnit origin, JavaClass owner) {
        JavaClass from = origin.getOwner();
        while (!from.equals(owner)) {
            java.util.Optional<JavaClass> enclosing = from.getEnclosingClass();
            if (enclosing.isEmpty()) {
                return false;
            }
            from = enclosing.get();
        }
        return !List.of("equals", "hashCode", "toString").contains(origin.getName());
    }

    private static boolean isAccessorOf(JavaCodeUnit origin, JavaField field) {
        return origin.getName().equals(field.getName())
                && origin.getRawParameterTypes().isEmpty();
    }

    @Test
    void internal_helpers_never_hand_out_a_port() {
        // A helper does its work with the ports it holds; it never hands one out, as a bag of every port would.
        noMethods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("dev.locksmith.core.internal..")
                .and()
                .arePublic()
                .and()
                .areNotStatic()
                .should()
                .haveRawReturnType(JavaClass.Predicates.resideInAPackage("dev.locksmith.core.port")
                        .and(JavaClass.Predicates.INTERFACES)
                        .and(JavaClass.Predicates.TOP_LEVEL_CLASSES)
                        .as("a port"))
                .check(CORE);
    }

    private static ArchCondition<JavaConstructor> haveOnlyParametersThat(DescribedPredicate<JavaClass> allowed) {
        return new ArchCondition<>("have only parameters that are " + allowed.getDescription()) {
            @Override
            public void check(JavaConstructor constructor, ConditionEvents events) {
                for (JavaClass parameter : constructor.getRawParameterTypes()) {
                    if (!allowed.test(parameter)) {
                        events.add(SimpleConditionEvent.violated(
                                constructor,
                                constructor.getFullName() + " takes " + parameter.getName() + ", not "
                                        + allowed.getDescription()));
                    }
                }
            }
        };
    }

    @Test
    void the_module_requires_only_java_base_and_exports_only_api_packages() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor;
        // next to core's own classes (the class path holds other modules' descriptors too)
        Path classes = Path.of(dev.locksmith.core.Locksmith.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertThat(descriptor.name()).isEqualTo("dev.locksmith.core");
        assertThat(descriptor.requires().stream()
                        .map(ModuleDescriptor.Requires::name)
                        .collect(Collectors.toSet()))
                .containsExactly("java.base");
        assertThat(descriptor.exports().stream()
                        .map(ModuleDescriptor.Exports::source)
                        .collect(Collectors.toSet()))
                .isEqualTo(Set.of(
                        "dev.locksmith.core",
                        "dev.locksmith.core.domain",
                        "dev.locksmith.core.port",
                        "dev.locksmith.core.usecase"));
        assertThat(descriptor.exports())
                .allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    }
}
