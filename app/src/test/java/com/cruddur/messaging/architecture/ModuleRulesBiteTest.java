package com.cruddur.messaging.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Each rule fails on the deliberate violations in {@code com.cruddur.messaging.archfixture}. */
class ModuleRulesBiteTest {
    private static final String FIXTURE = "com.cruddur.messaging.archfixture";
    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aDomainClassUsingMicronautBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.domainUsesTheJdkOnly(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDomainService")
                .hasMessageContaining("io.micronaut");
    }

    @Test
    void anAdapterImportingAnotherAdapterBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.adaptersAreIndependent(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MessagesController")
                .hasMessageContaining("MessagesTable");
    }

    @Test
    void aCoreClassUsingAnAdapterBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.coreSeesNoAdapter(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyDomainService");
    }

    @Test
    void aModuleUsingTheAppBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.onlyTheAppSeesEverything(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("MessagesTable");
    }

    @Test
    void anAdapterStartingADevEngineBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.onlyTheAppStartsTheDevEngines(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SchemaCheck")
                .hasMessageContaining("LocalEngine");
    }

    @Test
    void aDevEngineUsingTheServicesCodeBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.devEnginesStandAlone(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LocalEngine")
                .hasMessageContaining("Settings");
    }

    @Test
    void anAdapterInsideTheDomainBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.domainHoldsNoAdapter(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("StrayGreetings");
    }

    @Test
    void aDomainClassImplementingADrivenPortBreaksTheBuildButAResultTypeDoesNot() {
        assertThatThrownBy(() -> ModuleRules.domainImplementsNoDrivenPort(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("StrayGreetings")
                .hasMessageNotContaining("Stored$Done");
    }

    @Test
    void anAdapterBuildingAUseCaseBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.onlyCompositionRootsSeeUseCases(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GreetingConsumer")
                .hasMessageContaining("usecase.Greet");
    }

    @Test
    void anAdapterUsingTheInMemoryStandInBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.adaptersUseNoInMemoryAdapter(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BorrowedGreetings")
                .hasMessageContaining("InMemoryGreetings");
    }

    @Test
    void aDrivenAdapterCallingADrivingPortBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.drivenAdaptersSeeNoDrivingSide(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GreetingTrigger")
                .hasMessageContaining("GreetUseCase");
    }

    @Test
    void supportDependingOnAnAdapterBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.supportSeesNoAdapter(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakySupport")
                .hasMessageContaining("MessagesTable");
    }

    @Test
    void aTableClassCallingUpIntoARoomBreaksTheBuild() {
        assertThatThrownBy(() -> ModuleRules.dynamoDbCallsGoDown(FIXTURE).check(VIOLATIONS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyTable")
                .hasMessageContaining("GreetingRoom");
    }
}
