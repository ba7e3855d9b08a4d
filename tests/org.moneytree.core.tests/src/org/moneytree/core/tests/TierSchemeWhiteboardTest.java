package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.plugin.PluginFailure;
import org.moneytree.api.plugin.PluginManager;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierSchemeException;
import org.moneytree.api.tier.TierSchemeInfo;
import org.moneytree.api.tier.TieringResult;
import org.moneytree.api.tier.TieringService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/** Tier schemes registered by a plugin bundle come and go with it; a broken plugin is contained. */
class TierSchemeWhiteboardTest {

    private static final String TEST_PLUGIN = "org.moneytree.testplugin";
    private static final Scores CUSTOMERS = Services.scoresByRevenue(List.of(Services.customer("anna", "10"),
            Services.customer("bert", "20"), Services.customer("alex", "5")));

    private final TieringService tiering = Services.get(TieringService.class);

    @AfterEach
    void restartTestPlugin() throws BundleException {
        Services.bundle(TEST_PLUGIN).start();
    }

    @Test
    void schemeOfARunningPluginIsUsable() throws TierSchemeException, BundleException {
        Services.bundle(TEST_PLUGIN).start();
        TieringResult result = tiering.assign("alphabetical", CUSTOMERS, Locale.ENGLISH);
        assertEquals(TEST_PLUGIN, result.scheme().bundle());
        assertEquals(List.of(Tier.PLATINUM, Tier.PLATINUM, Tier.LEAD),
                result.assignments().stream().map(a -> a.tier()).toList(), "sorted alex, anna, bert");
    }

    @Test
    void schemeDisappearsWhenItsBundleStopsAndReturnsWhenItStarts() throws Exception {
        Bundle plugin = Services.bundle(TEST_PLUGIN);
        plugin.start();
        assertTrue(schemeIds().contains("alphabetical"));

        plugin.stop();
        assertFalse(schemeIds().contains("alphabetical"), "scheme still listed after its bundle stopped");
        TierSchemeException gone = assertThrows(TierSchemeException.class,
                () -> tiering.assign("alphabetical", CUSTOMERS, Locale.ENGLISH));
        assertTrue(gone.getMessage().contains("no tier scheme 'alphabetical'"), gone.getMessage());
        assertTrue(schemeIds().contains("pyramid"), "the core's own scheme is unaffected");

        plugin.start();
        assertTrue(schemeIds().contains("alphabetical"));
    }

    @Test
    void throwingSchemeIsReportedWithItsPluginAndThePlatformGoesOn() throws TierSchemeException {
        TierSchemeException failure = assertThrows(TierSchemeException.class,
                () -> tiering.assign("exploding", CUSTOMERS, Locale.ENGLISH));
        assertTrue(failure.getMessage().contains(TEST_PLUGIN), failure.getMessage());
        assertTrue(failure.getMessage().contains("boom from the exploding scheme"), failure.getMessage());
        assertEquals(3, tiering.assign("pyramid", CUSTOMERS, Locale.ENGLISH).assignments().size());
    }

    @Test
    void reasonsThatFailInAPluginsColumnsAreReportedWithThePlugin() {
        TierSchemeException failure = assertThrows(TierSchemeException.class,
                () -> tiering.assign("speechless", CUSTOMERS, Locale.ENGLISH));
        assertTrue(failure.getMessage().contains(TEST_PLUGIN), failure.getMessage());
        assertTrue(failure.getMessage().contains("no words for customer 0"), failure.getMessage());
    }

    @Test
    void reasonsWhoseBytesAreNotTheirTextAreRejectedNamingThePlugin() {
        TierSchemeException failure = assertThrows(TierSchemeException.class,
                () -> tiering.assign("misspoken", CUSTOMERS, Locale.ENGLISH));
        assertTrue(failure.getMessage().contains(TEST_PLUGIN), failure.getMessage());
        assertTrue(failure.getMessage().contains("'iron? no, lead' for 'iron: everyone'"), failure.getMessage());
    }

    @Test
    void incompleteAnswerIsRejected() {
        TierSchemeException failure = assertThrows(TierSchemeException.class,
                () -> tiering.assign("incomplete", CUSTOMERS, Locale.ENGLISH));
        assertTrue(failure.getMessage().contains("left 2 customers without a tier"), failure.getMessage());
    }

    @Test
    void componentThatFailsToActivateIsListedAsAFailure() {
        List<PluginFailure> failures = Services.get(PluginManager.class).failures();
        PluginFailure failure = failures.stream().filter(f -> f.bundle().equals(TEST_PLUGIN)).findFirst()
                .orElseThrow(() -> new AssertionError("no failure reported for the test plugin: " + failures));
        assertEquals("org.moneytree.testplugin.FailingActivation", failure.component());
        assertTrue(failure.reason().contains("fails on purpose"), failure.reason());
        assertTrue(failures.stream().noneMatch(f -> f.bundle().startsWith("org.moneytree.")
                && !f.bundle().equals(TEST_PLUGIN)), "core bundles failed: " + failures);
    }

    private List<String> schemeIds() {
        return tiering.schemes(Locale.ENGLISH).stream().map(TierSchemeInfo::id).toList();
    }
}
