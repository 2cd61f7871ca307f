package com.cruddur.messaging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The module table of SPEC §1 as ArchUnit rules, over any root package so that a test can prove
 * each rule fails on a fixture that breaks it.
 */
final class ModuleRules {
    private ModuleRules() {
    }

    /** The domain module imports nothing but the JDK: no framework, driver or JSON library. */
    static ArchRule domainUsesTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .because("the domain is plain Java (SPEC §1)");
    }

    /** Use cases and the model reach stores only through ports, never through an adapter. */
    static ArchRule coreSeesNoAdapter(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain.model..", root + ".domain.application..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain.adapter..", root + ".adapter..")
                .because("use cases depend on ports, adapters on use cases");
    }

    /** {@code adapters-dynamodb}, {@code adapters-postgres} and {@code adapters-http} never see each other. */
    static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapter.(*)..")
                .should().notDependOnEachOther()
                .because("no adapter imports another adapter (SPEC §1)")
                .allowEmptyShould(true);
    }

    /** Adapters build on the domain's ports, not on the in-memory stand-ins that live beside it. */
    static ArchRule adaptersUseNoInMemoryAdapter(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".domain.adapter..")
                .allowEmptyShould(true);
    }

    /** Only {@code app} sees every module; nothing depends on {@code app}. */
    static ArchRule onlyTheAppSeesEverything(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".app..")
                .should().dependOnClassesThat().resideInAPackage(root + ".app..")
                .because("app composes the modules and nothing builds on it (SPEC §1)");
    }

    /** The dev engines are left out of the production jar: only the app's embedded default starts them. */
    static ArchRule onlyTheAppStartsTheDevEngines(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".app..", root + ".devengines..")
                .should().dependOnClassesThat().resideInAPackage(root + ".devengines..")
                .because("the production jar carries no dev engine (dev-engines is not in it)")
                .allowEmptyShould(true);
    }

    /** The dev engines know nothing of the service: they are DynamoDB Local and PostgreSQL, nothing of ours. */
    static ArchRule devEnginesStandAlone(String root) {
        return noClasses().that().resideInAPackage(root + ".devengines..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".adapter..", root + ".app..")
                .because("the adapters' tests use the dev engines, so the engines may not use the adapters")
                .allowEmptyShould(true);
    }
}
