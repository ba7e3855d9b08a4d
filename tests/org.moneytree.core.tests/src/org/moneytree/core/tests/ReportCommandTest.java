package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code moneytree report} run inside the framework through the command line component, with views this test
 * registers and unregisters while the platform runs: the command sees the whiteboard as it is now.
 */
class ReportCommandTest {

    private static Object runner;
    private static Method execute;

    private final List<ServiceRegistration<ReportView>> registered = new ArrayList<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void commandLine() throws Exception {
        // The component's class is internal to the command line bundle: it is found by name and called as the
        // Equinox application calls it.
        Filter filter = Services.context().createFilter("(objectClass=org.moneytree.cli.internal.CommandLineRunner)");
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(Services.context(), filter, null);
        tracker.open();
        runner = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
        if (runner == null) {
            throw new AssertionError("no command line component within 30 s");
        }
        execute = runner.getClass().getMethod("execute", String[].class, PrintWriter.class, PrintWriter.class);
    }

    @AfterEach
    void unregister() {
        registered.forEach(ServiceRegistration::unregister);
    }

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = (Integer) execute.invoke(runner, args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private ServiceRegistration<ReportView> register(ReportView view) {
        ServiceRegistration<ReportView> registration = Services.context().registerService(ReportView.class, view,
                new Hashtable<>());
        registered.add(registration);
        return registration;
    }

    /** A view answering with the export tests' model; {@code mode=refuse} and {@code mode=crash} fail. */
    private static final class TestView implements ReportView {
        private final String id;
        private final List<ViewParameter> parameters;

        TestView(String id, List<ViewParameter> parameters) {
            this.id = id;
            this.parameters = parameters;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? "测试视图 " + id : "Test view " + id;
        }

        @Override
        public String group(Locale locale) {
            return "Tests";
        }

        @Override
        public List<ViewParameter> parameters() {
            return parameters;
        }

        @Override
        public ViewModel render(ViewRequest request) throws ViewException {
            switch (request.parameter("mode").orElse("")) {
                case "refuse" -> throw new ViewException("dataset " + request.dataset() + " has nothing to show; run analyze");
                case "crash" -> throw new IllegalStateException("a bug in the view");
                default -> {
                    return request.chinese() ? ExportModels.chinese() : ExportModels.full();
                }
            }
        }
    }

    private static final List<ViewParameter> OPTIONAL = List.of(
            new ViewParameter("top", ViewParameter.Kind.INTEGER, false, "Top", "前"),
            new ViewParameter("period", ViewParameter.Kind.PERIOD, false, "Period", "期间"),
            new ViewParameter("tier", ViewParameter.Kind.TIER, false, "Tier", "层级"),
            new ViewParameter("mode", ViewParameter.Kind.TEXT, false, "Mode", "模式"));

    @Test
    void viewsAreListedWhileTheyAreRegistered() throws Exception {
        ServiceRegistration<ReportView> registration = register(new TestView("testview", OPTIONAL));
        register(new TestView("needy", List.of(new ViewParameter("customer", ViewParameter.Kind.CUSTOMER, true,
                "Customer", "客户"))));
        Run listed = run("report", "list");
        assertEquals(0, listed.exitCode(), listed.toString());
        assertTrue(listed.out().lines().anyMatch(line -> line.startsWith("testview ") && line.contains("Test view testview")
                && line.contains("[top=INTEGER (Top)]")), listed.out());
        assertTrue(listed.out().lines().anyMatch(line -> line.startsWith("needy ") && line.contains("customer=CUSTOMER (Customer)")
                && !line.contains("[customer")), "required parameters without brackets: " + listed.out());

        registration.unregister();
        registered.remove(registration);
        Run after = run("report", "list");
        assertFalse(after.out().contains("testview"), "gone with its service: " + after.out());
        Run unknown = run("report", "testview", "--dataset", "d", "-o", folder.resolve("x.html").toString());
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("moneytree: no view testview; the views are: ") && unknown.err().contains("needy"),
                unknown.err());
    }

    @Test
    void aViewIsWrittenAsCsvHtmlOrPdfByTheFilesExtension() throws Exception {
        register(new TestView("testview", OPTIONAL));
        Path csv = folder.resolve("out/view.csv");
        Run run = run("report", "testview", "--dataset", "d", "--param", "top=3", "--param", "tier=铂金", "-o", csv.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("Wrote view testview of dataset d to " + csv + System.lineSeparator(), run.out());
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(ExportModels.full().title(), records.get(0).get(0));

        Path html = folder.resolve("view.html");
        run = run("report", "testview", "--dataset", "d", "--lang", "zh", "-o", html.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("已将数据集 d 的视图 testview 写入"), run.out());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("<td>铂金</td>") && page.contains("<svg"), page);

        Path pdf = folder.resolve("view.pdf");
        run = run("report", "testview", "--dataset", "d", "-o", pdf.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"));
        try (var files = Files.list(folder)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void reportPdfTakesEveryViewThatNeedsNoParameter() throws Exception {
        register(new TestView("testview", OPTIONAL));
        register(new TestView("needy", List.of(new ViewParameter("customer", ViewParameter.Kind.CUSTOMER, true,
                "Customer", "客户"))));
        Path pdf = folder.resolve("all.pdf");
        Run run = run("report", "pdf", "--dataset", "d", "--period", "2024", "-o", pdf.toString());
        assertEquals(0, run.exitCode(), run.toString());
        // Views of other bundles (the standard views, once installed) know no dataset "d" and are left out with a
        // warning; the test view and nothing needing a customer is in.
        assertTrue(run.out().startsWith("Wrote 1 view of dataset d to "), run.toString());
        assertFalse(run.err().contains("needy"), "a view needing a parameter is not tried: " + run.err());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertTrue(text.contains("Customer profitability — d, 2024"), text);
            assertTrue(text.contains("Profitability <test> & more"));
        }
    }

    @Test
    void badRequestsExitWithTwoAndAOneLineReason() throws Exception {
        register(new TestView("testview", OPTIONAL));
        register(new TestView("needy", List.of(new ViewParameter("customer", ViewParameter.Kind.CUSTOMER, true,
                "Customer", "客户"))));
        String out = folder.resolve("x.html").toString();
        List<List<String>> cases = List.of(
                List.of("report", "nosuch", "--dataset", "d", "-o", out),
                List.of("report", "testview", "--dataset", "d", "--param", "colour=red", "-o", out),
                List.of("report", "testview", "--dataset", "d", "--param", "top=many", "-o", out),
                List.of("report", "testview", "--dataset", "d", "--param", "period=someday", "-o", out),
                List.of("report", "testview", "--dataset", "d", "--param", "tier=silver", "-o", out),
                List.of("report", "testview", "--dataset", "d", "--param", "mode=", "-o", out),
                List.of("report", "needy", "--dataset", "d", "-o", out),
                List.of("report", "testview", "--dataset", "d", "-o", folder.resolve("x.txt").toString()),
                List.of("report", "testview", "-o", out),
                List.of("report", "testview", "--dataset", "d", "--param", "mode=refuse", "-o", out));
        for (List<String> args : cases) {
            Run run = run(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), args + ": " + run);
            assertEquals(1, run.err().lines().count(), args + ": " + run);
            assertTrue(run.err().startsWith("moneytree: "), args + ": " + run);
        }
        Run refused = run("report", "testview", "--dataset", "d", "--param", "mode=refuse", "-o", out);
        assertEquals("moneytree: dataset d has nothing to show; run analyze", refused.err().strip());
        Run missing = run("report", "needy", "--dataset", "d", "-o", out);
        assertTrue(missing.err().contains("view needy needs --param customer=..."), missing.err());

        Run crashed = run("report", "testview", "--dataset", "d", "--param", "mode=crash", "-o", out);
        assertEquals(1, crashed.exitCode(), "a broken view is a failure, not bad input: " + crashed);
        assertTrue(crashed.err().contains("view testview failed: java.lang.IllegalStateException: a bug in the view"),
                crashed.err());
        assertFalse(Files.exists(folder.resolve("x.html")), "nothing written for a refused request");
        assertEquals(Collections.emptyList(), List.of(folder.toFile().list()), "no temporary files either");
    }
}
