package org.ewea.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The module rule: methodology <- collectors <- scoring <- alerts <- api. A module may use those to its left;
 * methodology uses none of ours and no Spring; nothing uses api; no package cycles anywhere; api builds none of what
 * the modules' assemblies build.
 */
class ArchitectureTests {

    /** Production classes of every module, whether they come from directories or jars. */
    private static final ImportOption PRODUCTION_ONLY =
            location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");

    private static final ArchRule MODULE_DEPENDENCIES = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("methodology")
            .definedBy("org.ewea.methodology..")
            .layer("collectors")
            .definedBy("org.ewea.collectors..")
            .layer("scoring")
            .definedBy("org.ewea.scoring..")
            .layer("alerts")
            .definedBy("org.ewea.alerts..")
            .layer("api")
            .definedBy("org.ewea.api..")
            .whereLayer("api")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("alerts")
            .mayOnlyBeAccessedByLayers("api")
            .whereLayer("scoring")
            .mayOnlyBeAccessedByLayers("alerts", "api")
            .whereLayer("collectors")
            .mayOnlyBeAccessedByLayers("scoring", "alerts", "api")
            .whereLayer("methodology")
            .mayOnlyBeAccessedByLayers("collectors", "scoring", "alerts", "api");

    private static final ArchRule METHODOLOGY_IS_PLAIN_JAVA = noClasses()
            .that()
            .resideInAPackage("org.ewea.methodology..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.ewea.collectors..",
                    "org.ewea.scoring..",
                    "org.ewea.alerts..",
                    "org.ewea.api..");

    /**
     * What the modules' assemblies build ({@code CollectorsModule}, {@code ScoringModule}, {@code AlertsModule}): api
     * takes them from an assembly, never builds them itself, so the service and every exercise run the same parts.
     */
    private static final Set<String> ASSEMBLED = Set.of(
            "org.ewea.collectors.store.ItemRepository", "org.ewea.collectors.store.RawCaptureStore",
            "org.ewea.collectors.store.ImportLedger", "org.ewea.collectors.harvest.HarvestRunRepository",
            "org.ewea.collectors.harvest.SourceStateRepository", "org.ewea.collectors.harvest.HealthAssessor",
            "org.ewea.collectors.process.CaptureProcessor", "org.ewea.scoring.terms.TermRepository",
            "org.ewea.scoring.terms.CandidateDecisions", "org.ewea.scoring.terms.TrackedTerms",
            "org.ewea.scoring.terms.CandidateFinder", "org.ewea.scoring.signal.SignalRepository",
            "org.ewea.scoring.signal.SignalBackfill", "org.ewea.scoring.warning.ModelRegistry",
            "org.ewea.scoring.warning.EarlyWarningScorer", "org.ewea.scoring.warning.NameScorer",
            "org.ewea.scoring.warning.CountedMarkings", "org.ewea.scoring.warning.ScoreEvidence",
            "org.ewea.scoring.relevance.ItemRelevance", "org.ewea.scoring.relevance.RelevanceModels",
            "org.ewea.scoring.relevance.RelevanceFeedback", "org.ewea.scoring.StoredItemsListener",
            "org.ewea.alerts.alert.AlertRepository", "org.ewea.alerts.event.AlertEventLog",
            "org.ewea.alerts.action.ActionRepository", "org.ewea.alerts.rule.RuleBook",
            "org.ewea.alerts.lifecycle.AlertRaiser", "org.ewea.alerts.lifecycle.AlertLifecycle",
            "org.ewea.alerts.action.ActionPlanner", "org.ewea.alerts.engine.AlertEngine",
            "org.ewea.alerts.engine.AlertEvaluator", "org.ewea.alerts.digest.DigestRepository",
            "org.ewea.alerts.digest.DigestBuilder", "org.ewea.alerts.digest.DigestService");

    private static final ArchRule ONE_ASSEMBLY = noClasses()
            .that()
            .resideInAPackage("org.ewea.api..")
            .should()
            .callConstructorWhere(DescribedPredicate.describe(
                    "constructs a class a module assembles",
                    call -> ASSEMBLED.contains(call.getTargetOwner().getName())));

    private static final ArchRule DOMAIN_MODULES_ARE_PLAIN_JAVA = noClasses()
            .that()
            .resideInAnyPackage("org.ewea.collectors..", "org.ewea.scoring..", "org.ewea.alerts..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..");

    private static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("org.ewea.(**)").should().beFreeOfCycles();

    private static JavaClasses production() {
        return new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages("org.ewea");
    }

    @Test
    void everyModuleOfTheReactorIsSeen() {
        JavaClasses classes = production();
        for (String module : new String[] {"methodology", "collectors", "scoring", "alerts", "api"}) {
            assertThat(classes.containPackage("org.ewea." + module)).as(module).isTrue();
        }
        assertThat(classes.contain("org.ewea.methodology.archfixture.MethodologyUsingApi"))
                .isFalse();
    }

    @Test
    void modulesDependOnlyOnModulesToTheirLeft() {
        MODULE_DEPENDENCIES.check(production());
    }

    @Test
    void methodologyDependsOnNoOtherModuleAndNoSpring() {
        METHODOLOGY_IS_PLAIN_JAVA.check(production());
    }

    @Test
    void apiTakesWhatTheModulesAssembleAndBuildsNoneOfIt() {
        ONE_ASSEMBLY.check(production());
    }

    @Test
    void collectorsScoringAndAlertsUseNoSpring() {
        DOMAIN_MODULES_ARE_PLAIN_JAVA.check(production());
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(production());
    }

    @Test
    void theRulesCatchAViolationAndACycle() {
        JavaClasses fixtures = new ClassFileImporter()
                .importPackages(
                        "org.ewea.methodology.archfixture",
                        "org.ewea.collectors.archfixture",
                        "org.ewea.api.web",
                        "org.ewea.api.archfixture");
        assertThat(MODULE_DEPENDENCIES.evaluate(fixtures).hasViolation()).isTrue();
        assertThat(METHODOLOGY_IS_PLAIN_JAVA.evaluate(fixtures).hasViolation()).isTrue();
        assertThat(NO_PACKAGE_CYCLES.evaluate(fixtures).hasViolation()).isTrue();
        assertThat(ONE_ASSEMBLY.evaluate(fixtures).hasViolation()).isTrue();
        assertThat(DOMAIN_MODULES_ARE_PLAIN_JAVA.evaluate(fixtures).hasViolation())
                .isTrue();
    }
}
