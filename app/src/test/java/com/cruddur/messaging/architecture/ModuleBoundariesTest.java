package com.cruddur.messaging.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production classes of every module keep the README's module map. */
class ModuleBoundariesTest {
    private static final String ROOT = "com.cruddur.messaging";
    private static JavaClasses production;

    /** Leaves out test classes, including the domain's contract suites, which use JUnit by design. */
    private static final ImportOption PRODUCTION_ONLY = location ->
            !location.contains("/test-classes/") && !location.contains("-tests.jar");

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages(ROOT);
    }

    @Test
    void theDomainUsesTheJdkOnly() {
        ModuleRules.domainUsesTheJdkOnly(ROOT).check(production);
    }

    @Test
    void theCoreSeesNoAdapter() {
        ModuleRules.coreSeesNoAdapter(ROOT).check(production);
    }

    @Test
    void adaptersAreIndependent() {
        ModuleRules.adaptersAreIndependent(ROOT).check(production);
    }

    @Test
    void adaptersUseNoInMemoryAdapter() {
        ModuleRules.adaptersUseNoInMemoryAdapter(ROOT).check(production);
    }

    @Test
    void onlyTheAppSeesEverything() {
        ModuleRules.onlyTheAppSeesEverything(ROOT).check(production);
    }

    @Test
    void onlyTheAppStartsTheDevEngines() {
        ModuleRules.onlyTheAppStartsTheDevEngines(ROOT).check(production);
    }

    @Test
    void devEnginesStandAlone() {
        ModuleRules.devEnginesStandAlone(ROOT).check(production);
    }

    @Test
    void theDomainHoldsNoAdapter() {
        ModuleRules.domainHoldsNoAdapter(ROOT).check(production);
    }

    @Test
    void theDomainImplementsNoDrivenPort() {
        ModuleRules.domainImplementsNoDrivenPort(ROOT).check(production);
    }

    @Test
    void onlyCompositionRootsSeeUseCases() {
        ModuleRules.onlyCompositionRootsSeeUseCases(ROOT).check(production);
    }

    @Test
    void drivenAdaptersSeeNoDrivingSide() {
        ModuleRules.drivenAdaptersSeeNoDrivingSide(ROOT).check(production);
    }

    @Test
    void supportSeesNoAdapter() {
        ModuleRules.supportSeesNoAdapter(ROOT).check(production);
    }

    @Test
    void dynamoDbCallsGoDown() {
        ModuleRules.dynamoDbCallsGoDown(ROOT).check(production);
    }
}
