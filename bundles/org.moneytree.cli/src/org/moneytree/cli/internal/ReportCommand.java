package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.moneytree.api.profit.Period;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.tier.Tier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moneytree report list | VIEW | pdf}: the reporting views registered now (the {@link ReportView}
 * whiteboard, from the core and from plugins), written as CSV, HTML or PDF by the {@link ViewExporter}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = { "Writes a reporting view to a CSV, HTML or PDF file (by the file's extension); 'report list'"
                + " lists the views, 'report pdf' writes the standard analysis as one PDF.",
                "将报表视图写入 CSV、HTML 或 PDF 文件（按扩展名）；'report list' 列出视图，'report pdf' 将标准分析写成一个 PDF。" })
final class ReportCommand implements Callable<Integer> {

    /** The standard analysis views, in the order a reader takes them; other views follow by group and id. */
    static final List<String> STANDARD_ORDER = List.of("pyramid", "pareto", "whale", "migration", "eroders");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "VIEW", description = "The view's id (see report list).")
    private String view;

    @Option(names = "--dataset", paramLabel = "NAME", description = "The dataset to report on.")
    private String dataset;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "A parameter of the view, for example --param period=2024-Q3; repeat for several.")
    private Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = { "-o", "--output" }, paramLabel = "FILE",
            description = "The file to write: HTML for .html or .htm, PDF for .pdf, CSV for .csv.")
    private Path output;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    ReportCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (view == null) {
            spec.commandLine().usage(out);
            return CommandFailure.BAD_INPUT;
        }
        Locale locale = language.locale();
        Messages messages = new Messages(locale, "report");
        if (dataset == null || dataset.isBlank()) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("needsDataset"));
        }
        if (output == null) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("needsOutput"));
        }
        Format format = Format.of(output, messages);
        ReportView found = find(platform.views(), view, locale);
        Map<String, String> checked = checkParameters(found, parameters, locale);
        ViewModel model = render(found, new ViewRequest(dataset, checked, locale));
        ViewExporter exporter = platform.viewExporter();
        write(output, stream -> {
            switch (format) {
                case CSV -> exporter.csv(model, stream);
                case HTML -> exporter.html(model, locale, stream);
                case PDF -> exporter.pdf(model.title(), List.of(model), locale, stream);
            }
        });
        out.println(messages.get("wrote", found.id(), dataset, output));
        return 0;
    }

    /** The kinds of file a view is written to. */
    enum Format {
        CSV, HTML, PDF;

        static Format of(Path file, Messages messages) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return HTML;
            }
            if (name.endsWith(".pdf")) {
                return PDF;
            }
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("badExtension", file));
        }
    }

    /** {@code moneytree report list}: the views registered now. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = { "Lists the reporting views: id, group, title and parameters.", "列出报表视图：标识、分组、标题和参数。" })
    static final class ListViews implements Callable<Integer> {

        @Mixin
        private LanguageOption language;

        private final CommandLineRunner.Platform platform;
        private final PrintWriter out;

        ListViews(CommandLineRunner.Platform platform, PrintWriter out) {
            this.platform = platform;
            this.out = out;
        }

        @Override
        public Integer call() {
            Locale locale = language.locale();
            Messages messages = new Messages(locale, "report");
            List<ReportView> views = platform.views();
            if (views.isEmpty()) {
                out.println(messages.get("noViews"));
                return 0;
            }
            TextTable table = new TextTable(12, 10, 36, 0);
            table.row(messages.get("header.view"), messages.get("header.group"), messages.get("header.title"),
                    messages.get("header.parameters"));
            for (ReportView each : sorted(views, locale)) {
                String group;
                String title;
                String parameters;
                try {
                    group = each.group(locale);
                    title = each.title(locale);
                    parameters = each.parameters().stream().map(parameter -> describe(parameter, locale))
                            .collect(Collectors.joining(", "));
                } catch (RuntimeException e) {
                    // A broken view is named, and the others are listed.
                    group = "-";
                    title = messages.get("viewBroken", CommandFailure.oneLine(e));
                    parameters = "";
                }
                table.row(each.id(), group, title, parameters.isEmpty() ? "-" : parameters);
            }
            table.print(out);
            return 0;
        }

        private static String describe(ViewParameter parameter, Locale locale) {
            String text = parameter.id() + "=" + parameter.kind().name() + " (" + parameter.label(locale) + ")";
            return parameter.required() ? text : "[" + text + "]";
        }
    }

    /** {@code moneytree report pdf}: every view that needs no parameter but the period, in one PDF. */
    @Command(name = "pdf", mixinStandardHelpOptions = true,
            description = { "Writes the standard analysis (pyramid, Pareto, whale curve, migration, eroders and every"
                    + " other view that needs no parameter) of a dataset as one PDF.",
                    "将数据集的标准分析（金字塔、帕累托、鲸鱼曲线、迁移、侵蚀者以及其他无需参数的视图）写成一个 PDF。" })
    static final class Pdf implements Callable<Integer> {

        @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset to report on.")
        private String dataset;

        @Option(names = "--period", paramLabel = "PERIOD",
                description = "The period: 2024, 2024-Q3 or 2024-07 (default: each view's own, the latest analysed).")
        private String period;

        @Option(names = { "-o", "--output" }, required = true, paramLabel = "FILE.pdf", description = "The PDF to write.")
        private Path output;

        @Mixin
        private LanguageOption language;

        private final CommandLineRunner.Platform platform;
        private final PrintWriter out;
        private final PrintWriter err;

        Pdf(CommandLineRunner.Platform platform, PrintWriter out, PrintWriter err) {
            this.platform = platform;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            Locale locale = language.locale();
            Messages messages = new Messages(locale, "report");
            if (Format.of(output, messages) != Format.PDF) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("notPdf", output));
            }
            Optional<Period> asked = Optional.ofNullable(period).map(text -> PeriodOptions.parse(text, "--period"));
            List<ReportView> chosen = sorted(platform.views(), locale).stream()
                    .filter(each -> safeParameters(each).stream().noneMatch(ViewParameter::required)).toList();
            if (chosen.isEmpty()) {
                throw new CommandFailure(CommandFailure.FAILED, messages.get("noViews"));
            }
            List<ViewModel> models = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (ReportView each : chosen) {
                Map<String, String> values = new LinkedHashMap<>();
                asked.ifPresent(p -> periodParameter(each).ifPresent(id -> values.put(id, p.toString())));
                try {
                    models.add(each.render(new ViewRequest(dataset, values, locale)));
                } catch (ViewException e) {
                    problems.add(each.id() + ": " + CommandFailure.oneLine(e));
                    err.println(messages.get("viewLeftOut", each.id(), CommandFailure.oneLine(e)));
                } catch (RuntimeException e) {
                    problems.add(each.id() + ": " + CommandFailure.oneLine(e));
                    err.println(messages.get("viewFailedLeftOut", each.id(), e.getClass().getName() + ": "
                            + CommandFailure.oneLine(e)));
                }
            }
            if (models.isEmpty()) {
                // Nothing to show: every view refused, most likely for the same reason (no such dataset, nothing
                // analysed); the first view's reason says what to do.
                throw new CommandFailure(CommandFailure.BAD_INPUT, problems.get(0));
            }
            String when = asked.map(Period::toString).orElseGet(() -> latest(locale).orElse(null));
            String title = when == null ? messages.get("pdfTitle", dataset) : messages.get("pdfTitlePeriod", dataset, when);
            ViewExporter exporter = platform.viewExporter();
            write(output, stream -> exporter.pdf(title, models, locale, stream));
            out.println(messages.get("wrotePdf", models.size(), dataset, output));
            return 0;
        }

        private Optional<String> latest(Locale locale) {
            try {
                ReportData data = platform.reportData();
                return data == null ? Optional.empty() : Optional.of(data.latest(dataset, locale).toString());
            } catch (ViewException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /**
         * The parameter a period goes to: one named {@code period}, else one named {@code to} (a comparison's
         * later period, as in the migration view), else the view's only period parameter.
         */
        private static Optional<String> periodParameter(ReportView view) {
            List<ViewParameter> periods = safeParameters(view).stream()
                    .filter(parameter -> parameter.kind() == ViewParameter.Kind.PERIOD).toList();
            return periods.stream().filter(parameter -> parameter.id().equals("period")).findFirst()
                    .or(() -> periods.stream().filter(parameter -> parameter.id().equals("to")).findFirst())
                    .or(() -> periods.size() == 1 ? Optional.of(periods.get(0)) : Optional.empty())
                    .map(ViewParameter::id);
        }
    }

    // ----------------------------------------------------------------------------------------------------

    /** The standard views first in reading order, then the others by group and id. */
    static List<ReportView> sorted(List<ReportView> views, Locale locale) {
        Comparator<ReportView> order = Comparator.comparingInt((ReportView each) -> {
            int at = STANDARD_ORDER.indexOf(each.id());
            return at < 0 ? STANDARD_ORDER.size() : at;
        }).thenComparing(each -> safeGroup(each, locale)).thenComparing(ReportView::id);
        return views.stream().sorted(order).toList();
    }

    private static String safeGroup(ReportView view, Locale locale) {
        try {
            return view.group(locale);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static List<ViewParameter> safeParameters(ReportView view) {
        try {
            return view.parameters();
        } catch (RuntimeException e) {
            return List.of(new ViewParameter("unknown", ViewParameter.Kind.TEXT, true, "unknown", "未知"));
        }
    }

    static ReportView find(List<ReportView> views, String id, Locale locale) {
        Messages messages = new Messages(locale, "report");
        return views.stream().filter(each -> each.id().equals(id)).findFirst()
                .orElseThrow(() -> new CommandFailure(CommandFailure.BAD_INPUT, views.isEmpty()
                        ? messages.get("unknownViewNone", id)
                        : messages.get("unknownView", id, sorted(views, locale).stream().map(ReportView::id)
                                .collect(Collectors.joining(", ")))));
    }

    /** The parameters given, checked against the view's: known, of their kind, the required ones present. */
    static Map<String, String> checkParameters(ReportView view, Map<String, String> given, Locale locale) {
        Messages messages = new Messages(locale, "report");
        List<ViewParameter> declared = view.parameters();
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            ViewParameter parameter = declared.stream().filter(each -> each.id().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> new CommandFailure(CommandFailure.BAD_INPUT, declared.isEmpty()
                            ? messages.get("noParameters", view.id(), entry.getKey())
                            : messages.get("unknownParameter", view.id(), entry.getKey(), declared.stream()
                                    .map(ViewParameter::id).collect(Collectors.joining(", ")))));
            String value = entry.getValue() == null ? "" : entry.getValue().strip();
            checked.put(parameter.id(), checkValue(parameter, value, messages));
        }
        for (ViewParameter parameter : declared) {
            if (parameter.required() && !checked.containsKey(parameter.id())) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("missingParameter", view.id(),
                        parameter.id(), parameter.kind().name(), parameter.label(locale)));
            }
        }
        return checked;
    }

    private static String checkValue(ViewParameter parameter, String value, Messages messages) {
        String problem = null;
        String normal = value;
        if (value.isEmpty()) {
            problem = messages.get("emptyValue");
        } else {
            try {
                switch (parameter.kind()) {
                    case PERIOD -> normal = Period.parse(value).toString();
                    case TIER -> normal = Tier.forId(value).id();
                    case INTEGER -> normal = Long.toString(Long.parseLong(value));
                    case CUSTOMER, TEXT -> normal = value;
                }
            } catch (NumberFormatException e) {
                problem = messages.get("notInteger");
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        if (problem != null) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("badParameter", parameter.id(), value,
                    problem));
        }
        return normal;
    }

    private ViewModel render(ReportView found, ViewRequest request) {
        try {
            return found.render(request);
        } catch (ViewException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, CommandFailure.oneLine(e));
        } catch (RuntimeException e) {
            throw new CommandFailure(CommandFailure.FAILED, new Messages(request.locale(), "report").get("viewFailed",
                    found.id(), e.getClass().getName() + ": " + CommandFailure.oneLine(e)));
        }
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream stream) throws IOException;
    }

    /**
     * Writes the file through a temporary file beside it, moved into place when complete, so that a failure
     * (no font for Chinese, a full disk) leaves no half-written report and no earlier one destroyed.
     */
    static void write(Path output, Content content) {
        Path target = output.toAbsolutePath();
        Path folder = target.getParent();
        Path temporary = null;
        try {
            if (folder != null) {
                Files.createDirectories(folder);
            }
            // Not Files.createTempFile: its file is readable by its owner only, and the report is for others too.
            temporary = folder.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(stream);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.FAILED, output + ": " + CommandFailure.oneLine(e));
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // The failure reported above matters more than a leftover temporary file.
                }
            }
        }
    }
}
