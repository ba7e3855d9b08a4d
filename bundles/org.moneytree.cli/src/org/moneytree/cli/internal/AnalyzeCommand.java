package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.plugin.PluginFailure;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.Concentration;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitTotals;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierSummary;
import org.moneytree.api.tier.TieringResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main job: import a purchase file into a dataset (or read it directly), compute every customer's
 * profitability per period with cost to serve, score and tier the customers, keep the tiers in the tier
 * history, print the summary and write per-customer results to CSV.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = { "Computes profitability, key-account scores and tiers per period, keeps the tiers and prints"
                + " the summary.", "按期计算客户盈利能力、关键客户评分和分级，保存分级并打印汇总。" })
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Purchase file: CDNOW text or CSV with customer_id, order_date, revenue (other columns"
                    + " are passed over). Without it, the stored dataset is analysed.")
    private Path file;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Dataset to import into and analyse (default: the file's name without extension).")
    private String dataset;

    @Option(names = "--direct",
            description = "Read the CSV purchase file straight into the analysis without importing it: the fast way"
                    + " for large extracts. Only the tiers are kept; service activities still come from the dataset.")
    private boolean direct;

    @Option(names = "--scheme", paramLabel = "ID", defaultValue = "pyramid",
            description = "Tier scheme id (default: ${DEFAULT-VALUE}); 'moneytree schemes' lists them.")
    private String scheme;

    @Option(names = "--cost-model", paramLabel = "ID", defaultValue = ProfitabilityService.DEFAULT_COST_MODEL,
            description = "Cost model for the cost to serve (default: ${DEFAULT-VALUE}); 'moneytree costs' lists them.")
    private String costModel;

    @Mixin
    private PeriodOptions periods;

    @Option(names = { "-o", "--output" }, paramLabel = "CSV",
            description = "Where to write per-customer results (default: <dataset>-<scheme>-tiers.csv here).")
    private Path output;

    @Option(names = "--curves", paramLabel = "CSV",
            description = "Also write the Pareto and whale curves of every period to this CSV file.")
    private Path curves;

    @Option(names = "--timings", description = "Print how long each step took, on standard error.")
    private boolean timings;

    @Mixin
    private ImportOptions importOptions;

    @Mixin
    private LanguageOption language;

    /** Steps are timed from the JVM's start, so the first one shows the platform's start-up. */
    private long stepStarted = System.nanoTime()
            - (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) * 1_000_000;

    private long stepCpu;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;
    private final PrintWriter err;

    AnalyzeCommand(CommandLineRunner.Platform platform, PrintWriter out, PrintWriter err) {
        this.platform = platform;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        for (PluginFailure failure : platform.failures()) {
            err.println(messages.get("pluginFailed", failure.bundle(),
                    failure.component().isEmpty() ? "" : " (" + failure.component() + ")", failure.reason()));
        }
        String datasetName = dataset != null ? dataset : datasetOf(file);
        if (direct && file == null) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "--direct needs a purchase file");
        }
        step("start");
        if (file != null && !direct) {
            ImportRun.run(platform, file, datasetName, RecordKind.PURCHASES,
                    importOptions.settings(platform.mappingsFolder(), true), messages, out, err);
            step("import");
        }
        AnalysisPipeline pipeline = new AnalysisPipeline(platform, messages.locale());
        List<ProfitReport> reports = pipeline.profit(new AnalysisRequest(datasetName, direct ? file : null,
                periods.length(), periods.periods(), costModel));
        step("profit");
        if (reports.isEmpty()) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noPurchases", datasetName));
        }
        List<TieringResult> results = scoreAndTier(pipeline, reports, messages);
        step("tiers");
        // The tiers are stored while the summary and the CSV are written: both take seconds on a million
        // customers, and they do not depend on each other.
        TierHistory history = platform.history();
        CompletableFuture<Void> stored = new CompletableFuture<>();
        long[] storingNanos = new long[1];
        Thread storing = new Thread(() -> {
            try {
                for (TieringResult result : results) {
                    history.save(datasetName, result);
                }
                storingNanos[0] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                stored.complete(null);
            } catch (RuntimeException | Error e) {
                stored.completeExceptionally(e);
            }
        }, "moneytree-store-tiers");
        storing.start();
        print(datasetName, results, messages);
        Path written = writeCsv(datasetName, results, messages.locale());
        out.println(messages.get("written", written));
        if (curves != null) {
            out.println(messages.get("curvesWritten", writeCurves(reports)));
        }
        step("output");
        try {
            stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(CommandFailure.FAILED, "interrupted while storing the tiers");
        } catch (ExecutionException e) {
            throw new CommandFailure(CommandFailure.FAILED, messages.get("notStored", CommandFailure.oneLine(e.getCause())));
        }
        step("store");
        if (timings) {
            err.printf("timing: of which processor time storing the tiers %,d ms (its thread), writing the CSV %,d ms"
                    + " (formatting threads)%n", storingNanos[0] / 1_000_000, csvNanos / 1_000_000);
            err.flush();
        }
        return 0;
    }

    /**
     * Scores and tiers every period, the periods side by side on the processors: each takes a second or
     * more on a million customers, and they do not depend on each other. Warnings come in period order.
     */
    private List<TieringResult> scoreAndTier(AnalysisPipeline pipeline, List<ProfitReport> reports,
            Messages messages) {
        List<CompletableFuture<TieringResult>> tiered = new ArrayList<>(reports.size());
        int threads = Math.min(reports.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), work -> {
            Thread thread = new Thread(work, "moneytree-tiers");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Scores>> scored = new ArrayList<>(reports.size());
            for (ProfitReport report : reports) {
                CompletableFuture<Scores> scores = CompletableFuture.supplyAsync(() -> pipeline.score(report), pool);
                scored.add(scores);
                tiered.add(scores.thenApplyAsync(done -> pipeline.tier(scheme, done), pool));
            }
            List<TieringResult> results = new ArrayList<>(reports.size());
            for (int period = 0; period < reports.size(); period++) {
                joined(scored.get(period)).problems().forEach(problem -> err.println(messages.get("warning", problem)));
                results.add(joined(tiered.get(period)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    private void step(String name) {
        if (timings) {
            long now = System.nanoTime();
            long cpu = processCpuMillis();
            if (cpu >= 0) {
                err.printf("timing: %-8s %,8d ms, processor time %,8d ms%n", name, (now - stepStarted) / 1_000_000,
                        cpu - stepCpu);
            } else {
                err.printf("timing: %-8s %,8d ms%n", name, (now - stepStarted) / 1_000_000);
            }
            err.flush();
            stepStarted = now;
            stepCpu = Math.max(0, cpu);
        }
    }

    /**
     * The processor time of the whole process so far (all threads: the JIT compiler and the collector too), from
     * Linux's /proc/self/stat, or -1 elsewhere: on two cores, a step that takes a second can use two.
     */
    private static long processCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3 of the file, utime 14 and stime 15, in clock ticks (100 a second)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private String datasetOf(Path source) {
        if (source == null) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, "give a purchase file, or --dataset to analyse stored data");
        }
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
        return base.length() > 100 ? base.substring(0, 100) : base;
    }

    private void print(String datasetName, List<TieringResult> results, Messages messages) {
        Locale locale = messages.locale();
        TieringResult latest = results.get(results.size() - 1);
        ProfitReport report = latest.scores().report();
        ProfitTotals totals = report.totals();
        out.println(messages.get("analysed", datasetName, report.period().id(), report.period().length().label(locale),
                Formats.count(totals.purchaseLines()), Formats.count(totals.customers()), report.costModel()));
        out.println(messages.get("scheme", latest.scheme().id(), latest.scheme().name()));
        out.println();
        printTiers(latest.summary(), messages);
        out.println();
        out.println(messages.get("profit", Formats.money(totals.revenue()), Formats.money(totals.costOfGoods()),
                Formats.money(totals.grossMargin()), Formats.money(totals.costToServe()),
                Formats.money(totals.netProfit())));
        if (!totals.costByActivity().isEmpty()) {
            List<String> parts = new ArrayList<>();
            new java.util.TreeMap<>(totals.costByActivity())
                    .forEach((type, cost) -> parts.add(type + " " + Formats.money(cost)));
            out.println(messages.get("costByActivity", String.join(", ", parts)));
        }
        Concentration concentration = report.concentration();
        out.println(messages.get("concentration", Formats.percent(concentration.topFifthRevenueShare()),
                Formats.percent(concentration.topFifthProfitShare()), Formats.count(concentration.profitErodingCustomers()),
                String.format(Locale.ROOT, "%.3f", concentration.revenueGini())));
        if (concentration.whalePeakCustomers() > 0) {
            out.println(messages.get("whale", Formats.percent(concentration.whalePeakShare()),
                    Formats.count(concentration.whalePeakCustomers())));
        }
        if (results.size() > 1) {
            out.println();
            TextTable table = new TextTable(8, -10, -16, -16, -9, -9, -9, -9);
            table.row(messages.get("header.period"), messages.get("header.customers"), messages.get("header.revenue"),
                    messages.get("header.netProfit"), Tier.PLATINUM.label(locale), Tier.GOLD.label(locale),
                    Tier.IRON.label(locale), Tier.LEAD.label(locale));
            for (TieringResult result : results) {
                ProfitTotals periodTotals = result.scores().report().totals();
                Map<Tier, Integer> counts = new EnumMap<>(Tier.class);
                result.summary().tiers().forEach(row -> counts.put(row.tier(), row.customers()));
                table.row(result.scores().report().period().id(), Formats.count(periodTotals.customers()),
                        Formats.money(periodTotals.revenue()), Formats.money(periodTotals.netProfit()),
                        Formats.count(counts.get(Tier.PLATINUM)), Formats.count(counts.get(Tier.GOLD)),
                        Formats.count(counts.get(Tier.IRON)), Formats.count(counts.get(Tier.LEAD)));
            }
            table.print(out);
        }
    }

    private void printTiers(TierSummary summary, Messages messages) {
        Locale locale = messages.locale();
        TextTable table = new TextTable(10, -10, -12, -16, -10, -16, -10);
        table.row(messages.get("header.tier"), messages.get("header.customers"), messages.get("header.customerShare"),
                messages.get("header.revenue"), messages.get("header.revenueShare"), messages.get("header.netProfit"),
                messages.get("header.profitShare"));
        for (TierSummary.TierRow tier : summary.tiers()) {
            table.row(tier.tier().label(locale), Formats.count(tier.customers()),
                    Formats.percent(tier.customers(), summary.customers()), Formats.money(tier.revenue()),
                    Formats.percent(tier.revenueShare()), Formats.money(tier.netProfit()),
                    Formats.percent(tier.netProfitShare()));
        }
        table.row(messages.get("total"), Formats.count(summary.customers()), "100.0%",
                Formats.money(summary.totalRevenue()), "100.0%", Formats.money(summary.totalNetProfit()), "100.0%");
        table.print(out);
    }

    /** Processor time of the last CSV's formatting threads, in nanoseconds. */
    private long csvNanos;

    private Path writeCsv(String datasetName, List<TieringResult> results, Locale locale) {
        Path target = output != null ? output : Path.of(datasetName + "-" + scheme + "-tiers.csv");
        TreeSet<String> activityTypes = new TreeSet<>();
        List<String> criteria = new ArrayList<>();
        for (TieringResult result : results) {
            activityTypes.addAll(result.scores().report().totals().costByActivity().keySet());
            result.scores().criteria().forEach(criterion -> {
                if (!criteria.contains(criterion.id())) {
                    criteria.add(criterion.id());
                }
            });
        }
        List<String> header = new ArrayList<>(List.of("period", "customer_id", "tier", "tier_label", "score",
                "revenue", "cost_of_goods", "gross_margin", "cost_to_serve", "net_profit", "gross_margin_pct",
                "net_margin_pct", "purchase_lines", "return_lines", "first_purchase", "last_purchase"));
        activityTypes.forEach(type -> header.add("cost_" + type));
        criteria.forEach(id -> header.add("criterion_" + id));
        header.add("reason");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream file = Files.newOutputStream(target)) {
                csvNanos = new CustomerRowsWriter(new ArrayList<>(activityTypes), criteria, locale,
                        Runtime.getRuntime().availableProcessors()).write(file, header, results);
            }
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, target + ": cannot be written: " + e.getMessage());
        }
        return target.toAbsolutePath().normalize();
    }

    private Path writeCurves(List<ProfitReport> reports) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader("period", "curve", "customers", "customer_share", "value_share").get();
        try {
            Path parent = curves.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(curves, StandardCharsets.UTF_8), format)) {
                for (ProfitReport report : reports) {
                    for (var point : report.concentration().pareto()) {
                        csv.printRecord(report.period().id(), "pareto_revenue", point.customers(),
                                Formats.fixed(point.customerShare(), 4), Formats.fixed(point.valueShare(), 4));
                    }
                    for (var point : report.concentration().whale()) {
                        csv.printRecord(report.period().id(), "whale_profit", point.customers(),
                                Formats.fixed(point.customerShare(), 4), Formats.fixed(point.valueShare(), 4));
                    }
                }
            }
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, curves + ": cannot be written: " + e.getMessage());
        }
        return curves.toAbsolutePath().normalize();
    }
}
