package org.moneytree.desktop.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.imports.ArchiveImporter;
import org.moneytree.api.imports.ImportProgress;
import org.moneytree.api.imports.ImportReport;
import org.moneytree.api.imports.ImportSettings;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TieringService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The test bench for the desktop client's parts: one SWT {@link Display} on the test thread (the X server is Xvfb,
 * started by the build), an e4 context backed by the framework's services with what the workbench would add (the
 * UI synchroniser, an application, the dataset), and the example archive imported, analysed by year and by quarter
 * and tiered as {@code moneytree analyze} does, once for all tests.
 */
final class Desktop {

    static final Set<String> STANDARD_VIEWS = Set.of("pareto", "whale", "pyramid", "migration", "eroders", "account");

    private static Desktop bench;

    final Display display;
    final String dataset = "desktop-" + UUID.randomUUID().toString().substring(0, 8);
    final IEclipseContext application;
    final MApplication model;

    private Desktop() throws Exception {
        display = Display.getDefault();
        importAndAnalyse();
        waitForViews();
        BundleContext context = FrameworkUtil.getBundle(ViewCatalog.class).getBundleContext();
        application = EclipseContextFactory.getServiceContext(context).createChild("moneytree test application");
        application.set(UISynchronize.class, new UISynchronize() {
            @Override
            public void syncExec(Runnable runnable) {
                display.syncExec(runnable);
            }

            @Override
            public void asyncExec(Runnable runnable) {
                display.asyncExec(runnable);
            }

            @Override
            protected boolean isUIThread(Thread thread) {
                return display.getThread() == thread;
            }

            @Override
            protected void showBusyWhile(Runnable runnable) {
                runnable.run();
            }

            @Override
            protected boolean dispatchEvents() {
                return display.readAndDispatch();
            }
        });
        model = MApplicationFactory.INSTANCE.createApplication();
        model.setContext(application);
        application.set(MApplication.class, model);
        application.set(Keys.DATASET, dataset);
    }

    /** The bench, made on the first call (on the test thread, which becomes the UI thread). */
    static synchronized Desktop bench() throws Exception {
        if (bench == null) {
            bench = new Desktop();
        }
        return bench;
    }

    static <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Desktop.class).getBundleContext(),
                type, null);
        tracker.open();
        S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        assertTrue(service != null, "no " + type.getName() + " service within 30 s");
        return service;
    }

    private void importAndAnalyse() throws Exception {
        Path archive = Path.of(System.getProperty("moneytree.examples", "../../examples/data")).resolve("archive");
        ArchiveImporter importer = service(ArchiveImporter.class);
        for (RecordKind kind : RecordKind.values()) {
            ImportReport report = importer.importFile(archive.resolve(kind.id() + ".csv"), dataset, kind,
                    ImportSettings.defaults(), ImportProgress.NONE);
            assertTrue(report.committed(), kind + ": " + report.problems());
        }
        for (PeriodLength length : List.of(PeriodLength.YEAR, PeriodLength.QUARTER)) {
            List<ProfitReport> reports = service(ProfitabilityService.class).analyze(new AnalysisRequest(dataset, null,
                    length, List.of(), ProfitabilityService.DEFAULT_COST_MODEL));
            assertFalse(reports.isEmpty(), "no purchases in " + dataset);
            for (ProfitReport report : reports) {
                service(TierHistory.class).save(dataset, service(TieringService.class).assign("pyramid",
                        service(ScoringModel.class).score(report), Locale.ENGLISH));
            }
        }
    }

    /** Waits for the six standard views' services (the catalog binds them as they register). */
    private static void waitForViews() throws InterruptedException {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(STANDARD_VIEWS.size());
        ServiceTracker<ReportView, ReportView> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(Desktop.class).getBundleContext(), ReportView.class, null) {
            @Override
            public ReportView addingService(ServiceReference<ReportView> reference) {
                ReportView view = super.addingService(reference);
                if (STANDARD_VIEWS.contains(view.id()) && seen.add(view.id())) {
                    all.countDown();
                }
                return view;
            }
        };
        tracker.open();
        assertTrue(all.await(30, TimeUnit.SECONDS), "the standard views registered within 30 s: " + seen);
    }

    private final List<Shell> shells = new java.util.ArrayList<>();

    /** Closes the shells the tests opened. */
    void closeShells() {
        shells.forEach(Shell::dispose);
        shells.clear();
        flush();
    }

    /** A shell of a size that shows a view whole. */
    Shell shell(String title) {
        Shell shell = new Shell(display);
        shells.add(shell);
        shell.setText(title);
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 900);
        return shell;
    }

    /** A context for a part in the shell, in the language given. */
    IEclipseContext partContext(Shell shell, Locale locale) {
        IEclipseContext context = application.createChild("part");
        context.set(org.eclipse.swt.widgets.Composite.class, shell);
        context.set(TranslationService.LOCALE, locale);
        return context;
    }

    /** The generic view part for a view, made by e4 injection as the workbench makes it, in a new shell. */
    ReportViewPart viewPart(String viewId, Locale locale) {
        Shell shell = shell(viewId);
        IEclipseContext context = partContext(shell, locale);
        MPart part = MBasicFactory.INSTANCE.createPart();
        part.getPersistedState().put(Keys.VIEW, viewId);
        context.set(MPart.class, part);
        ReportViewPart made = ContextInjectionFactory.make(ReportViewPart.class, context);
        shell.open();
        return made;
    }

    /** Runs the event loop until the future completes (at most 60 s), and gives its value. */
    <T> T await(CompletableFuture<T> future) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!future.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within 60 s");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> {
                });
                display.sleep();
            }
        }
        flush();
        return future.join();
    }

    /** Runs the event loop until no event is left. */
    void flush() {
        while (display.readAndDispatch()) {
            // dispatching
        }
    }

    /** Saves a picture of the shell as target/screenshots/NAME.png (GC.copyArea of what the X server shows). */
    Path screenshot(Shell shell, String name) throws Exception {
        shell.layout(true, true);
        flush();
        Rectangle area = shell.getClientArea();
        Image image = new Image(display, area.width, area.height);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        Path folder = Path.of(System.getProperty("moneytree.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }
}
