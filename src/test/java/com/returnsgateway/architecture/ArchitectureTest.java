package com.returnsgateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnsgateway.core.port.ForwarderPort;
import com.returnsgateway.core.port.MarketplacePort;
import com.returnsgateway.core.port.ReturnWarehousePort;
import com.returnsgateway.core.port.TrackingPort;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house plan (README "Architecture"): the core knows only its ports; each protocol is one adapter package that
 * implements them; arrows point from adapters to the core, never back, never between adapters; the simulators live
 * apart and nothing of the gateway depends on them.
 */
class ArchitectureTest {

    private static final String CORE = "com.returnsgateway.core..";
    private static final String ADAPTERS = "com.returnsgateway.adapter..";
    private static final String API = "com.returnsgateway.api..";
    private static final String SANDBOX = "com.returnsgateway.sandbox..";

    private static JavaClasses gateway;

    @BeforeAll
    static void importMainClasses() {
        gateway = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.returnsgateway");
    }

    @Test
    void theCoreKnowsNoAdapterNorTheApiNorTheSimulators() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, API, SANDBOX)
                .because("adapters plug into the core's ports; the core never reaches out to one")
                .check(gateway);
    }

    @Test
    void adaptersDoNotKnowEachOther() {
        slices().matching("com.returnsgateway.adapter.(*)..")
                .should().notDependOnEachOther()
                .because("a protocol is one package: adding or removing one touches no other")
                .check(gateway);
    }

    @Test
    void adaptersAndTheApiUseOnlyTheCore() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, SANDBOX)
                .because("the REST API serves the core's cases, whatever protocol their marketplace speaks")
                .check(gateway);
        noClasses().that().resideInAPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(API, SANDBOX)
                .check(gateway);
    }

    @Test
    void theConsoleShowsTheCoreWhateverTheProtocols() {
        noClasses().that().resideInAPackage("com.returnsgateway.web..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, SANDBOX)
                .because("the console shows the core's cases; a marketplace's own record comes through its port")
                .check(gateway);
    }

    @Test
    void nothingOfTheGatewayDependsOnTheSimulators() {
        // the entry point (ReturnsGatewayApplication) may boot the simulators alone (profile simulators)
        noClasses().that().resideInAnyPackage(CORE, ADAPTERS, API)
                .should().dependOnClassesThat().resideInAPackage(SANDBOX)
                .because("the simulators stand in for the outside world; the gateway talks to them only over the wire")
                .check(gateway);
    }

    @Test
    void everyPortImplementationIsAnAdapter() {
        Set<String> implementations = new TreeSet<>();
        for (Class<?> port : new Class<?>[] {ForwarderPort.class, MarketplacePort.class, TrackingPort.class,
                ReturnWarehousePort.class}) {
            gateway.get(port).getAllSubclasses().forEach(adapter -> {
                implementations.add(adapter.getName());
                assertThat(adapter.getPackageName()).as(adapter.getName()).startsWith("com.returnsgateway.adapter.");
            });
        }
        assertThat(implementations).contains(
                "com.returnsgateway.adapter.generic.GenericForwarder",
                "com.returnsgateway.adapter.sftp.SftpForwarder",
                "com.returnsgateway.adapter.generic.GenericMarketplace",
                "com.returnsgateway.adapter.amazon.AmazonRefunds",
                "com.returnsgateway.adapter.fourpx.FourPxReturnWarehouse");
    }
}
