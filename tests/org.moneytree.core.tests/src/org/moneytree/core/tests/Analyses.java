package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.imports.ImportProgress;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.ImportSettings;
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierRun;
import org.moneytree.api.tier.TierSchemeException;
import org.moneytree.api.tier.TieringService;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Test helpers: the example archive imported, and analyses tiered and stored as {@code moneytree analyze} does. */
final class Analyses {

    static final Path ARCHIVE = Path.of(System.getProperty("moneytree.examples", "../../examples/data"))
            .resolve("archive");

    private Analyses() {
    }

    /** The reporting views with the given ids, waiting for them to be registered. */
    static Map<String, ReportView> views(Set<String> ids) {
        Map<String, ReportView> views = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(ids.size());
        ServiceTracker<ReportView, ReportView> tracker = new ServiceTracker<>(Services.context(), ReportView.class, null) {
            @Override
            public ReportView addingService(ServiceReference<ReportView> reference) {
                ReportView view = super.addingService(reference);
                if (ids.contains(view.id()) && views.putIfAbsent(view.id(), view) == null) {
                    all.countDown();
                }
                return view;
            }
        };
        tracker.open();
        try {
            assertTrue(all.await(30, TimeUnit.SECONDS), "views registered within 30 s: " + views.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return views;
    }

    /** Imports every file of the example archive (examples/data/archive) into a dataset. */
    static void importExampleArchive(String dataset) {
        ArchiveImporter importer = Services.get(ArchiveImporter.class);
        for (RecordKind kind : RecordKind.values()) {
            ImportReport report = importer.importFile(ARCHIVE.resolve(kind.id() + ".csv"), dataset, kind,
                    ImportSettings.defaults(), ImportProgress.NONE);
            assertTrue(report.committed(), kind + ": " + report.problems());
        }
    }

    /**
     * Analyses every period of a length (the stored purchases, or a purchase file read directly), scores and tiers
     * it with the pyramid and the standard cost model, and stores the tiers: what {@code moneytree analyze} does.
     */
    static List<TierRun> analyzeAndStore(String dataset, Path purchaseFile, PeriodLength length)
            throws AnalysisException, TierSchemeException {
        List<ProfitReport> reports = Services.get(ProfitabilityService.class).analyze(new AnalysisRequest(dataset,
                purchaseFile, length, List.of(), ProfitabilityService.DEFAULT_COST_MODEL));
        assertFalse(reports.isEmpty(), "no purchases in " + dataset);
        List<TierRun> runs = new ArrayList<>();
        for (ProfitReport report : reports) {
            runs.add(Services.get(TierHistory.class).save(dataset, Services.get(TieringService.class).assign("pyramid",
                    Services.get(ScoringModel.class).score(report), Locale.ENGLISH)));
        }
        return runs;
    }
}
