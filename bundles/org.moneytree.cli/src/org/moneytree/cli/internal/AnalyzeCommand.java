package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.moneytree.api.archive.RecordKind;
import org.moneytree.api.figures.CustomerFigures;
import org.moneytree.api.plugin.PluginFailure;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierSchemeException;
import org.moneytree.api.tier.TierSummary;
import org.moneytree.api.tier.TieringResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main job: import a purchase file into a dataset, compute per-customer figures, place customers in
 * tiers, print the summary and write per-customer results to CSV.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = { "Imports purchases, places every customer in a tier and prints the tier summary.",
                "导入购买记录，为每位客户分级并打印分级汇总。" })
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "Purchase file: CDNOW text or CSV with customer_id, order_date, revenue (other columns"
                    + " are passed over). Without it, the stored dataset is analysed.")
    private Path file;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "Dataset to import into and analyse (default: the file's name without extension).")
    private String dataset;

    @Option(names = "--scheme", paramLabel = "ID", defaultValue = "pyramid",
            description = "Tier scheme id (default: ${DEFAULT-VALUE}); 'moneytree schemes' lists them.")
    private String scheme;

    @Option(names = { "-o", "--output" }, paramLabel = "CSV",
            description = "Where to write per-customer results (default: <dataset>-<scheme>-tiers.csv here).")
    private Path output;

    @Option(names = "--timings", description = "Print how long each step took, on standard error.")
    private boolean timings;

    @Mixin
    private ImportOptions importOptions;

    @Mixin
    private LanguageOption language;

    /** Steps are timed from the JVM's start, so the first one shows the platform's start-up. */
    private long stepStarted = System.nanoTime()
            - (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) * 1_000_000;

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
        step("start");
        if (file != null) {
            importFile(datasetName, messages);
        }
        List<CustomerFigures> customers = platform.figures().figures(datasetName);
        step("figures");
        if (customers.isEmpty()) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noPurchases", datasetName));
        }
        TieringResult result;
        try {
            result = platform.tiering().assign(scheme, customers, messages.locale());
        } catch (TierSchemeException e) {
            throw new CommandFailure(CommandFailure.FAILED, e.getMessage());
        }
        step("tiers");
        long purchases = platform.store().purchaseCount(datasetName);
        printSummary(datasetName, purchases, result, messages);
        Path written = writeCsv(datasetName, customers, result, messages.locale());
        out.println(messages.get("written", written));
        step("output");
        return 0;
    }

    private void step(String name) {
        if (timings) {
            long now = System.nanoTime();
            err.printf("timing: %-8s %,8d ms%n", name, (now - stepStarted) / 1_000_000);
            stepStarted = now;
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

    private void importFile(String datasetName, Messages messages) {
        // analyze is the quick path: it reads the columns it needs and passes over the others.
        ImportRun.run(platform, file, datasetName, RecordKind.PURCHASES, importOptions.settings(platform.mappingsFolder(), true), messages,
                out, err);
        step("import");
    }

    private void printSummary(String datasetName, long purchases, TieringResult result, Messages messages) {
        Locale locale = messages.locale();
        TierSummary summary = result.summary();
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        NumberFormat money = NumberFormat.getNumberInstance(Locale.ENGLISH);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        out.println(messages.get("dataset", datasetName, count.format(purchases), count.format(summary.customers()),
                money.format(summary.totalRevenue())));
        out.println(messages.get("scheme", result.scheme().id(), result.scheme().name()));
        out.println();
        TextTable table = new TextTable(10, -12, -12, -18, -10);
        table.row(messages.get("header.tier"), messages.get("header.customers"), messages.get("header.customerShare"),
                messages.get("header.revenue"), messages.get("header.revenueShare"));
        for (TierSummary.TierRow tier : summary.tiers()) {
            table.row(tier.tier().label(locale), count.format(tier.customers()),
                    percent(BigDecimal.valueOf(tier.customers()), BigDecimal.valueOf(summary.customers())),
                    money.format(tier.revenue()), percent(tier.revenueShare()));
        }
        table.row(messages.get("total"), count.format(summary.customers()), "100.0%",
                money.format(summary.totalRevenue()), "100.0%");
        table.print(out);
        out.println();
        out.println(messages.get("topFifth", percent(summary.topFifthRevenueShare())));
    }

    private static String percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? "0.0%" : percent(part.divide(whole, 6, RoundingMode.HALF_EVEN));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    private Path writeCsv(String datasetName, List<CustomerFigures> customers, TieringResult result, Locale locale) {
        Path target = output != null ? output : Path.of(datasetName + "-" + scheme + "-tiers.csv");
        Map<String, TierAssignment> tiers = new HashMap<>(result.assignments().size() * 2);
        result.assignments().forEach(assignment -> tiers.put(assignment.customerId(), assignment));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader("customer_id", "tier", "tier_label", "revenue",
                "purchases", "first_purchase", "last_purchase", "reason").get();
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(target, StandardCharsets.UTF_8), format)) {
                for (CustomerFigures customer : customers) {
                    TierAssignment assignment = tiers.get(customer.customerId());
                    csv.printRecord(customer.customerId(), assignment.tier().id(), assignment.tier().label(locale),
                            customer.revenue().toPlainString(), customer.purchaseCount(), customer.firstPurchase(),
                            customer.lastPurchase(), assignment.reason());
                }
            }
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, target + ": cannot be written: " + e.getMessage());
        }
        return target.toAbsolutePath().normalize();
    }
}
