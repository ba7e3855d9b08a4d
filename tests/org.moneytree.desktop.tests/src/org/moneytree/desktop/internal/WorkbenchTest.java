package org.moneytree.desktop.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.jface.window.Window;
import org.junit.jupiter.api.Test;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TieringService;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The end-to-end test: the real workbench application ({@link E4Application} with the product's application model,
 * its addons, menus, toolbar and perspectives, on the framework's real services) started in this framework and
 * driven through {@link EModelService} and {@link EPartService} while its own event loop runs. The example archive is
 * imported and analysed by the menus' jobs, then each perspective is opened, its views' contents checked and a
 * screenshot of the window taken (target/screenshots/workbench-*.png).
 *
 * <p>The workbench runs its event loop on the test thread (the display's thread) until it is closed; a driver thread
 * does the test's steps on the UI thread with {@link Display#syncExec} and waits for the parts' renders and the jobs
 * by joining their futures.
 */
class WorkbenchTest {

    private static final String MODEL = "org.moneytree.desktop/Application.e4xmi";
    private static final long WAIT_SECONDS = 90;

    /** What the product's launcher gives the application: the product's branding, no command line. */
    private static final class ProductContext implements IApplicationContext {
        private final Map<String, String> branding = Map.of("applicationXMI", MODEL, "persistState", "false",
                "clearPersistedState", "true", "appName", "Moneytree");

        @Override
        public Map<String, Object> getArguments() {
            return Map.of(IApplicationContext.APPLICATION_ARGS, new String[0]);
        }

        @Override
        public void applicationRunning() {
        }

        @Override
        public String getBrandingApplication() {
            return "org.eclipse.e4.ui.workbench.swt.E4Application";
        }

        @Override
        public String getBrandingName() {
            return "Moneytree";
        }

        @Override
        public String getBrandingDescription() {
            return "Moneytree";
        }

        @Override
        public String getBrandingId() {
            return "org.moneytree.desktop.product";
        }

        @Override
        public String getBrandingProperty(String key) {
            return branding.get(key);
        }

        @Override
        public Bundle getBrandingBundle() {
            return FrameworkUtil.getBundle(ViewCatalog.class);
        }

        @Override
        public void setResult(Object result, IApplication application) {
        }
    }

    @Test
    void theWorkbenchOpensBothPerspectivesOnTheShippedDataAnalysedFromItsMenus() throws Throwable {
        Desktop desktop = Desktop.bench();
        Display display = desktop.display;
        long started = System.nanoTime();
        E4Workbench workbench = new E4Application().createE4Workbench(new ProductContext(), display);
        assertNotNull(workbench, "the workbench was made from the product's model");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread driver = new Thread(() -> {
            try {
                new Driver(workbench, display, started).run();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                display.asyncExec(workbench::close);
            }
        }, "workbench test driver");
        driver.setDaemon(true);
        driver.start();
        workbench.createAndRunUI(workbench.getApplication());
        driver.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** The test's steps, on the driver thread. */
    private static final class Driver {
        private final E4Workbench workbench;
        private final Display display;
        private final long started;
        private final MApplication application;
        private final String dataset = "workbench-" + UUID.randomUUID().toString().substring(0, 8);

        Driver(E4Workbench workbench, Display display, long started) {
            this.workbench = workbench;
            this.display = display;
            this.started = started;
            this.application = workbench.getApplication();
        }

        private <T> T ui(Supplier<T> step) {
            AtomicReference<T> result = new AtomicReference<>();
            display.syncExec(() -> result.set(step.get()));
            return result.get();
        }

        private static <T> T await(CompletableFuture<T> future) throws Exception {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        void run() throws Exception {
            MWindow window = ui(() -> application.getChildren().get(0));
            Shell shell = ui(() -> (Shell) window.getWidget());
            assertTrue(ui(shell::isVisible), "the window is shown");
            long firstWindow = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.printf("workbench: first window %d ms after the application was started%n", firstWindow);
            EModelService models = application.getContext().get(EModelService.class);
            EPartService parts = window.getContext().get(EPartService.class);

            List<String> menus = ui(() -> window.getMainMenu().getChildren().stream().map(MMenuElement::getElementId).toList());
            assertEquals(List.of("org.moneytree.desktop.menu.file", "org.moneytree.desktop.menu.analysis",
                    "org.moneytree.desktop.menu.perspectives", "org.moneytree.desktop.menu.views",
                    "org.moneytree.desktop.menu.help"), menus);
            MMenu views = ui(() -> (MMenu) models.find(ViewsMenuAddon.MENU, window.getMainMenu()));
            assertTrue(ui(() -> views.getChildren().stream().map(MMenuElement::getLabel).toList())
                    .containsAll(List.of("Accounts", "Analysis")), "the Views menu lists the views by group");

            // File > Import… and Analysis > Run analysis…, as their handlers run them once the dialogs are answered
            ArchiveImporter importer = Desktop.service(ArchiveImporter.class);
            Path archive = Path.of(System.getProperty("moneytree.examples", "../../examples/data")).resolve("archive");
            for (RecordKind kind : List.of(RecordKind.CUSTOMERS, RecordKind.PURCHASES, RecordKind.ACTIVITIES)) {
                ImportJob job = new ImportJob(importer, new ImportDialog.Choice(archive.resolve(kind.id() + ".csv"),
                        kind, dataset, null), Locale.ENGLISH);
                Window shown = await(ui(() -> ImportHandler.start(shell, job, application, workbench.getContext()
                        .get(org.eclipse.e4.ui.di.UISynchronize.class), Locale.ENGLISH)));
                assertTrue(job.report().committed(), kind + ": " + job.report().problems());
                ui(shown::close);
            }
            AnalysisJob analysis = new AnalysisJob(Desktop.service(ProfitabilityService.class),
                    Desktop.service(ScoringModel.class), Desktop.service(TieringService.class),
                    Desktop.service(TierHistory.class),
                    new AnalysisDialog.Choice(dataset, PeriodLength.YEAR, "pyramid", "standard"), Locale.ENGLISH);
            org.moneytree.api.report.ReportData data = Desktop.service(org.moneytree.api.report.ReportData.class);
            Window analysed = await(ui(() -> AnalysisHandler.start(shell, analysis, data, application, workbench.getContext()
                    .get(org.eclipse.e4.ui.di.UISynchronize.class), Locale.ENGLISH)));
            assertEquals(IStatus.OK, analysis.getResult().getSeverity(), analysis.getResult().getMessage());
            ui(analysed::close);
            assertEquals(dataset, ui(() -> application.getContext().get(Keys.DATASET)), "the analysed dataset is shown");
            String latest = analysis.results().get(analysis.results().size() - 1).scores().report().period().id();
            ProgressControl progress = ui(() -> (ProgressControl) ((org.eclipse.e4.ui.model.application.ui.menu.MToolControl)
                    models.find("org.moneytree.desktop.toolcontrol.progress", window)).getObject());
            assertEquals("", ui(progress::shown), "the toolbar's progress is hidden once the jobs are done");
            assertEquals(Path.of(System.getProperty("moneytree.workspace")).resolve(DesktopSettings.FILE),
                    Desktop.service(DesktopSettings.class).file(), "File > Preferences keeps the language in the workspace");

            // the Analysis perspective: the pyramid, then the Pareto curve
            ui(() -> {
                parts.switchPerspective("org.moneytree.desktop.perspective.analysis");
                return null;
            });
            ReportViewPart pyramid = shown(parts, "org.moneytree.desktop.part.pyramid");
            Table tiers = ui(() -> pyramid.content().table("tiers").viewer().getTable());
            assertEquals(List.of("platinum", "gold", "iron", "lead", "Total"), ui(() -> cells(tiers, column(tiers, "tier"))));
            assertTrue(ui(() -> pyramid.model().title()).contains(latest), ui(() -> pyramid.model().title()));
            ReportViewPart pareto = shown(parts, "org.moneytree.desktop.part.pareto");
            assertNotNull(ui(() -> pareto.content().chart("pareto").series(
                    pareto.content().chart("pareto").model().series().get(0).id())), "the Pareto curve is drawn");
            assertTrue(ui(() -> new ExportHandler().canExecute(parts.getActivePart())), "File > Export view… is possible");
            ui(() -> {
                parts.showPart(parts.findPart("org.moneytree.desktop.part.pyramid"), PartState.ACTIVATE);
                return null;
            });
            screenshot(desktopFor(), shell, "workbench-analysis");

            // the Accounts perspective: search, choose a customer, its profile
            ui(() -> {
                parts.switchPerspective("org.moneytree.desktop.perspective.accounts");
                return null;
            });
            assertEquals("org.moneytree.desktop.perspective.accounts",
                    ui(() -> models.getActivePerspective(window).getElementId()));
            MPart accountsModel = ui(() -> parts.findPart("org.moneytree.desktop.part.accounts"));
            AccountsPart accounts = ui(() -> (AccountsPart) accountsModel.getObject());
            await(ui(() -> {
                accounts.searchBox().setText("S10");
                return accounts.searching();
            }));
            Table found = ui(() -> accounts.viewer().getTable());
            assertTrue(ui(() -> found.getItemCount()) >= 2, "customers S10x are found");
            MPart profileModel = ui(() -> parts.findPart("org.moneytree.desktop.part.account"));
            ReportViewPart profile = ui(() -> (ReportViewPart) profileModel.getObject());
            String customer = ui(() -> {
                found.select(0);
                found.notifyListeners(SWT.Selection, new Event());
                return found.getItem(0).getText(0);
            });
            assertEquals(customer, ui(() -> application.getContext().get(Keys.CUSTOMER)));
            rendered(profile, model -> model.title().contains(customer));
            assertEquals("", ui(profile::message));
            screenshot(desktopFor(), shell, "workbench-accounts");

            ui(() -> {
                parts.switchPerspective("org.moneytree.desktop.perspective.analysis");
                return null;
            });
            MPerspective back = ui(() -> models.getActivePerspective(window));
            assertEquals("org.moneytree.desktop.perspective.analysis", ui(back::getElementId));
        }

        /** Shows the part and waits until it draws the analysed dataset's model. */
        private ReportViewPart shown(EPartService parts, String partId) throws Exception {
            MPart model = ui(() -> {
                MPart part = parts.findPart(partId);
                parts.showPart(part, PartState.ACTIVATE);
                return part;
            });
            ReportViewPart part = ui(() -> (ReportViewPart) model.getObject());
            rendered(part, ignored -> true);
            return part;
        }

        /** Waits until the part has drawn a model of the test's dataset that passes the check. */
        private void rendered(ReportViewPart part, java.util.function.Predicate<org.moneytree.api.report.ViewModel> check)
                throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                await(ui(part::rendering));
                boolean done = ui(() -> dataset.equals(part.dataset()) && part.model() != null && check.test(part.model())
                        && part.rendering().isDone());
                if (done) {
                    return;
                }
                assertTrue(System.nanoTime() < deadline, "the part " + ui(part::viewId) + " showed " + ui(part::message));
                // a render may be under way that has not yet made its future: wait for the next event round
                ui(() -> null);
            }
        }

        private Desktop desktopFor() throws Exception {
            return Desktop.bench();
        }

        private void screenshot(Desktop desktop, Shell shell, String name) throws Exception {
            AtomicReference<Exception> failed = new AtomicReference<>();
            display.syncExec(() -> {
                try {
                    desktop.screenshot(shell, name);
                } catch (Exception e) {
                    failed.set(e);
                }
            });
            if (failed.get() != null) {
                throw failed.get();
            }
        }

        private static int column(Table table, String id) {
            for (int index = 0; index < table.getColumnCount(); index++) {
                if (id.equals(table.getColumn(index).getData("moneytree.column"))) {
                    return index;
                }
            }
            throw new AssertionError("no column " + id);
        }

        private static List<String> cells(Table table, int column) {
            List<String> cells = new ArrayList<>();
            for (int row = 0; row < table.getItemCount(); row++) {
                cells.add(table.getItem(row).getText(column));
            }
            return cells;
        }
    }
}
