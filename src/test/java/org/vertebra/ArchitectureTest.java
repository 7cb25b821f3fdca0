package org.vertebra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules, read from the compiled classes. None carries frozen debt any more: the
 * SQL that services held when the rules were written now lives in their packages' repositories
 * (issue 19), so any breach fails the build.
 */
class ArchitectureTest {

    /** The Jdbi calls that run SQL: only a repository (or a store, such as the consent settings') may make them. */
    private static final Set<String> SQL_CALLS = Set.of("createQuery", "createUpdate", "createScript", "createCall",
            "prepareBatch", "execute", "select");

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vertebra");
    }

    @Test
    void noFeatureImportsTheCompositionRoot() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.vertebra.app..")
                .and().doNotHaveFullyQualifiedName(Vertebra.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.vertebra.app..")
                .because("app/ wires the features together; a feature that reached back into it could not be read alone");
        rule.check(production);
    }

    @Test
    void servicesAndRepositoriesKnowNothingOfHttp() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .because("requests are turned into typed commands in the routes; services and repositories serve any caller");
        rule.check(production);
    }

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        ArchRule rule = slices().matching("org.vertebra.(*)..").should().beFreeOfCycles()
                .because("a package is read, tested and changed on top of the ones below it, never beside one that leans back");
        rule.check(production);
    }

    @Test
    void aRepositoryIsUsedOnlyByItsOwnFeature() {
        ArchRule rule = classes().that().haveSimpleNameEndingWith("Repository")
                .should(onlyBeAccessedFromTheirOwnPackage())
                .because("another feature goes through the feature's service, which owns its rules and transactions");
        rule.check(production);
    }

    @Test
    void sqlIsWrittenOnlyInRepositories() {
        // data/ (the database, the change counter, job leases) and backup/ (copying every table) are the
        // infrastructure the repositories stand on, and speak SQL by nature.
        ArchRule rule = noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .and().resideOutsideOfPackages("org.vertebra.data..", "org.vertebra.backup..")
                .should().callMethodWhere(runsSql())
                .because("one place per feature holds its SQL, so a schema change is found in one file");
        rule.check(production);
    }

    @Test
    void repositoriesArePackagePrivate() {
        repositoriesArePackagePrivateRule().check(production);
    }

    /** The rule would be no guard if it let a public repository through; this one is a test's, never the build's. */
    @Test
    void theRepositoryRuleRefusesAPublicRepository() {
        JavaClasses fixture = new ClassFileImporter().importClasses(PublicRepository.class);
        assertThat(repositoriesArePackagePrivateRule().evaluate(fixture).getFailureReport().getDetails())
                .singleElement().asString().contains(PublicRepository.class.getName());
    }

    /**
     * No exceptions: every feature's service constructs its own repositories from the Jdbi it is
     * given, so not even the composition root in app/ needs to see one.
     */
    private static ArchRule repositoriesArePackagePrivateRule() {
        return classes().that().haveSimpleNameEndingWith("Repository").should().bePackagePrivate()
                .because("a repository's SQL is its package's business: another package goes through the service,"
                        + " which owns the rules and the transaction");
    }

    /** What the repository rule must refuse. */
    public static final class PublicRepository {
    }

    private static DescribedPredicate<JavaMethodCall> runsSql() {
        return DescribedPredicate.describe("a Jdbi call that runs SQL", call ->
                call.getTargetOwner().getPackageName().startsWith("org.jdbi.v3.core")
                        && (call.getTargetOwner().getSimpleName().equals("Handle")
                        || call.getTargetOwner().getSimpleName().equals("Jdbi"))
                        && SQL_CALLS.contains(call.getName()));
    }

    private static ArchCondition<JavaClass> onlyBeAccessedFromTheirOwnPackage() {
        return new ArchCondition<>("only be accessed from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (JavaAccess<?> access : repository.getAccessesToSelf()) {
                    JavaClass origin = access.getOriginOwner();
                    if (!origin.getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(access, origin.getName() + " uses "
                                + repository.getSimpleName() + " of " + repository.getPackageName()));
                    }
                }
            }
        };
    }
}
