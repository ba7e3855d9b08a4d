package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.plugin.PluginManager;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.tier.TierSchemeInfo;
import org.moneytree.api.tier.TieringService;
import org.osgi.framework.Bundle;

/** The core services are registered by Declarative Services components on Equinox. */
class PlatformServicesTest {

    @Test
    void coreServicesAreRegistered() {
        assertEquals("org.moneytree.importer", bundleOf(Services.get(ArchiveImporter.class)));
        assertEquals("org.moneytree.persistence", bundleOf(Services.get(PurchaseStore.class)));
        assertEquals("org.moneytree.analysis", bundleOf(Services.get(ProfitabilityService.class)));
        assertEquals("org.moneytree.scoring", bundleOf(Services.get(ScoringModel.class)));
        assertEquals("org.moneytree.tiering", bundleOf(Services.get(TieringService.class)));
        assertEquals("org.moneytree.plugins", bundleOf(Services.get(PluginManager.class)));
    }

    @Test
    void defaultPyramidIsRegisteredByItsOwnBundle() {
        TierSchemeInfo pyramid = Services.get(TieringService.class).schemes(Locale.ENGLISH).stream()
                .filter(scheme -> scheme.id().equals("pyramid")).findFirst().orElseThrow();
        assertEquals("org.moneytree.pyramid", pyramid.bundle());
        assertTrue(pyramid.description().contains("top 5%"), pyramid.description());
        TierSchemeInfo chinese = Services.get(TieringService.class).schemes(Locale.SIMPLIFIED_CHINESE).stream()
                .filter(scheme -> scheme.id().equals("pyramid")).findFirst().orElseThrow();
        assertTrue(chinese.name().contains("客户金字塔"), chinese.name());
    }

    @Test
    void implementationPackagesAreNotExported() {
        for (String name : new String[] { "org.moneytree.persistence", "org.moneytree.importer",
                "org.moneytree.analysis", "org.moneytree.tiering", "org.moneytree.pyramid", "org.moneytree.cli",
                "org.moneytree.plugins", "org.moneytree.config" }) {
            Bundle bundle = Services.bundle(name);
            assertEquals(null, bundle.getHeaders("").get("Export-Package"), name + " exports packages");
        }
    }

    private static String bundleOf(Object service) {
        return org.osgi.framework.FrameworkUtil.getBundle(service.getClass()).getSymbolicName();
    }
}
