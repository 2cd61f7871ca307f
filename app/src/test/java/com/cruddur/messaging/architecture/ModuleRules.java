package com.cruddur.messaging.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The README's module map as ArchUnit rules, over any root package so that a test can prove each rule fails on a
 * fixture that breaks it ({@code ModuleRulesBiteTest}). Each rule's {@code because} quotes the map.
 */
final class ModuleRules {
    private ModuleRules() {
    }

    /** The domain module imports nothing but the JDK: no framework, driver or JSON library. */
    static ArchRule domainUsesTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .because("the domain is plain Java: JDK only (README, module map: domain)");
    }

    /** Use cases and the model reach stores only through ports, never through an adapter or the adapters' support. */
    static ArchRule coreSeesNoAdapter(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain.model..", root + ".domain.application..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain.adapter..", root + ".adapter..",
                        root + ".support..")
                .because("use cases depend on ports, adapters on ports (README, module map: domain)");
    }

    /** The domain module holds no adapter: in-memory stand-ins, the system clock and the like live in adapter modules. */
    static ArchRule domainHoldsNoAdapter(String root) {
        return noClasses().should().resideInAPackage(root + ".domain..adapter..")
                .because("the domain holds model, ports, use cases, events and errors — nothing only an adapter needs"
                        + " (README, module map: domain)")
                .allowEmptyShould(true);
    }

    /**
     * No class of the domain implements a driven port: its adapters are elsewhere. (A result type beside the ports,
     * sealed like {@code GroupCreation}, and a callback nested in a port, like {@code EventBus.Listener}, are not
     * driven ports.)
     */
    static ArchRule domainImplementsNoDrivenPort(String root) {
        DescribedPredicate<JavaClass> drivenPort = new DescribedPredicate<>("a driven port (a top-level, not sealed"
                + " interface of port.out)") {
            @Override
            public boolean test(JavaClass type) {
                return type.isInterface() && type.getPackageName().startsWith(root + ".domain.application.port.out")
                        && type.getEnclosingClass().isEmpty() && !type.reflect().isSealed();
            }
        };
        return noClasses().that().resideInAPackage(root + ".domain..").should().implement(drivenPort)
                .because("driven ports are implemented by adapter modules (README, module map: domain)")
                .allowEmptyShould(true);
    }

    /**
     * Adapters and their support see ports and the model, never a use-case class: only the composition roots (app,
     * and stream-lambda for its function) build use cases.
     */
    static ArchRule onlyCompositionRootsSeeUseCases(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".domain..", root + ".app..", root + ".lambda..")
                .should().dependOnClassesThat().resideInAPackage(root + ".domain.application.usecase..")
                .because("adapters call port/in, never a use case; only app and stream-lambda compose (README, module map)")
                .allowEmptyShould(true);
    }

    /** No adapter module imports another adapter module. */
    static ArchRule adaptersAreIndependent(String root) {
        return slices().matching(root + ".adapter.(*)..")
                .should().notDependOnEachOther()
                .because("no adapter imports another adapter (README, module map)")
                .allowEmptyShould(true);
    }

    /** Adapters build on the domain's ports, not on the in-memory stand-ins. */
    static ArchRule adaptersUseNoInMemoryAdapter(String root) {
        return noClasses().that().resideInAPackage(root + ".adapter..").and().resideOutsideOfPackage(root + ".adapter.memory..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".adapter.memory..", root + ".domain.adapter..")
                .because("the in-memory adapters are the tests' stand-ins and the memory settings, composed only by app"
                        + " (README, module map: adapters-memory)")
                .allowEmptyShould(true);
    }

    /** Driven adapters (the stores, the directory, the bus) never see the driving side: no port/in, no HTTP, no consumer. */
    static ArchRule drivenAdaptersSeeNoDrivingSide(String root) {
        return noClasses().that().resideInAnyPackage(root + ".adapter.dynamodb..", root + ".adapter.postgres..",
                        root + ".adapter.memory..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain.application.port.in..",
                        root + ".adapter.http..", root + ".adapter.stream..")
                .because("driven adapters implement port/out and are called, never calling in (README, module map)")
                .allowEmptyShould(true);
    }

    /**
     * Inside the DynamoDB adapter calls go down: the face hands calls to the rooms, rooms use the items and the table,
     * items use the table's attribute names — never back up.
     */
    static ArchRule dynamoDbCallsGoDown(String root) {
        String face = root + ".adapter.dynamodb";
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("face").definedBy(face)
                .layer("rooms").definedBy(face + ".rooms..")
                .layer("items").definedBy(face + ".items..")
                .layer("table").definedBy(face + ".table..")
                .whereLayer("face").mayNotBeAccessedByAnyLayer()
                .whereLayer("rooms").mayOnlyBeAccessedByLayers("face")
                .whereLayer("items").mayOnlyBeAccessedByLayers("face", "rooms")
                .whereLayer("table").mayOnlyBeAccessedByLayers("face", "rooms", "items")
                .because("the DynamoDB adapter's packages by role: calls go down, never back up (README, Inside"
                        + " adapters-dynamodb)");
    }

    /** The adapters' support depends on the domain only: it is shared by adapters, so it may not be one of them. */
    static ArchRule supportSeesNoAdapter(String root) {
        return noClasses().that().resideInAPackage(root + ".support..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".adapter..", root + ".app..", root + ".lambda..")
                .because("adapters-support may depend on the domain only (README, module map: adapters-support)")
                .allowEmptyShould(true);
    }

    /** Only {@code app} sees every module; nothing depends on {@code app}. */
    static ArchRule onlyTheAppSeesEverything(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".app..")
                .should().dependOnClassesThat().resideInAPackage(root + ".app..")
                .because("app composes the modules and nothing builds on it (README, module map: app)");
    }

    /** The dev engines are left out of the production jar: only the app's embedded default starts them. */
    static ArchRule onlyTheAppStartsTheDevEngines(String root) {
        return noClasses().that().resideOutsideOfPackages(root + ".app..", root + ".devengines..")
                .should().dependOnClassesThat().resideInAPackage(root + ".devengines..")
                .because("the production jar carries no dev engine (README, module map: dev-engines)")
                .allowEmptyShould(true);
    }

    /** The dev engines know nothing of the service: they are DynamoDB Local and PostgreSQL, nothing of ours. */
    static ArchRule devEnginesStandAlone(String root) {
        return noClasses().that().resideInAPackage(root + ".devengines..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".adapter..", root + ".app..")
                .because("the adapters' tests use the dev engines, so the engines may not use the adapters"
                        + " (README, module map: dev-engines)")
                .allowEmptyShould(true);
    }
}
