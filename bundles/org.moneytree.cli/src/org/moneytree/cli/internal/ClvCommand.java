package org.moneytree.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.moneytree.api.clv.CustomerLifetime;
import org.moneytree.api.clv.FitDiagnostics;
import org.moneytree.api.clv.HoldoutComparison;
import org.moneytree.api.clv.LifetimeException;
import org.moneytree.api.clv.LifetimeFit;
import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.clv.LifetimeRequest;
import org.moneytree.api.clv.LifetimeService;
import org.moneytree.api.clv.ModelFamily;
import org.moneytree.api.clv.ModelFit;
import org.moneytree.api.clv.SectorLifetimeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moneytree clv fit|predict|show|sectors}: customer lifetime value from probabilistic models fitted to a
 * dataset's stored purchases or contracts.
 */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = { "Customer lifetime value and departure risk: fits BG/NBD, Pareto/NBD, Gamma-Gamma or sBG"
                + " models and forecasts from them.", "客户终身价值与流失风险：拟合 BG/NBD、Pareto/NBD、Gamma-Gamma 或 sBG 模型并据此预测。" })
final class ClvCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandFailure.BAD_INPUT;
    }

    /** What every clv subcommand has: the platform, the output and the language of its texts. */
    abstract static class Subcommand implements Callable<Integer> {

        @Mixin
        private LanguageOption language;

        final CommandLineRunner.Platform platform;
        final PrintWriter out;

        Subcommand(CommandLineRunner.Platform platform, PrintWriter out) {
            this.platform = platform;
            this.out = out;
        }

        Messages messages() {
            return new Messages(language.locale(), "clv");
        }

        /** The dataset's forecast with the horizon and discount rate asked for (0 and null: the defaults). */
        LifetimeForecast forecast(String dataset, int horizonMonths, BigDecimal discount) {
            if (horizonMonths < 0) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, "--horizon must be a positive number of months");
            }
            if (discount != null && discount.signum() < 0) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, "--discount must not be negative: "
                        + discount.toPlainString());
            }
            return service(() -> platform.lifetime().forecast(dataset, horizonMonths, discount));
        }
    }

    static LocalDate date(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, option + ": '" + text + "' is not a date (expected"
                    + " YYYY-MM-DD, for example 1997-09-30)");
        }
    }

    static <T> T service(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (LifetimeException | IllegalArgumentException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, e.getMessage());
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = { "Fits a lifetime-value model to a dataset, keeps it, and checks it against the holdout"
                    + " period when there is one.", "为数据集拟合终身价值模型并保存；有保留期时与实际购买对照检验。" })
    static final class Fit extends Subcommand {

        @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "The dataset.")
        private String dataset;

        @Option(names = "--model", paramLabel = "FAMILY",
                description = "bg-nbd or pareto-nbd (purchases), sbg (contract renewals); default: the sector's, else"
                        + " the configured one (bg-nbd).")
        private String model;

        @Option(names = "--sector", paramLabel = "ID",
                description = "Use a sector plugin's choice of model, time unit, horizon and discount rate"
                        + " ('moneytree clv sectors' lists them).")
        private String sector;

        @Option(names = "--calibration-end", paramLabel = "DATE",
                description = "Last day of the calibration period (default: the last purchase day).")
        private String calibrationEnd;

        @Option(names = "--holdout-end", paramLabel = "DATE",
                description = "Last day of the holdout period (default: the last purchase day after calibration).")
        private String holdoutEnd;

        @Option(names = "--unit-days", paramLabel = "DAYS",
                description = "The models' time unit in days (default 7, weeks; 365 for yearly contracts).")
        private double unitDays;

        @Option(names = "--tracking", paramLabel = "CSV",
                description = "Write the cumulative repeat purchases, actual and expected, per time unit (a chart's"
                        + " data) to this CSV file.")
        private Path tracking;

        Fit(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            Messages messages = messages();
            ModelFamily family = model == null ? null : service(() -> ModelFamily.forId(model));
            LifetimeRequest request = service(() -> new LifetimeRequest(dataset, date(calibrationEnd, "--calibration-end"),
                    date(holdoutEnd, "--holdout-end"), family, sector, unitDays));
            LifetimeService lifetime = platform.lifetime();
            LifetimeFit fit = service(() -> lifetime.fit(request));
            printFit(fit, messages, out);
            if (!fit.usable()) {
                throw new CommandFailure(CommandFailure.FAILED, messages.get("notConverged",
                        fit.transactions().diagnostics().problem()));
            }
            if (fit.holdoutEnd() != null && fit.transactions().family().purchases()) {
                HoldoutComparison holdout = service(() -> lifetime.holdout(dataset));
                printHoldout(holdout, messages, out);
                if (tracking != null) {
                    out.println(messages.get("trackingWritten", writeTracking(holdout, tracking)));
                }
            } else if (tracking != null) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noHoldout"));
            }
            return 0;
        }
    }

    static void printFit(LifetimeFit fit, Messages messages, PrintWriter out) {
        Locale locale = messages.locale();
        ModelFit transactions = fit.transactions();
        out.println(messages.get("fitted", transactions.family().label(locale), fit.dataset(), fit.calibrationStart(),
                fit.calibrationEnd(), Formats.fixed(fit.timeUnitDays(), 2),
                Formats.count(Math.round(transactions.diagnostics().customers())),
                fit.sector() == null ? "-" : fit.sector()));
        printDiagnostics(transactions, messages, out);
        if (fit.spend() != null) {
            out.println();
            out.println(messages.get("spendModel", fit.spend().family().label(locale)));
            printDiagnostics(fit.spend(), messages, out);
        }
    }

    private static void printDiagnostics(ModelFit fit, Messages messages, PrintWriter out) {
        FitDiagnostics diagnostics = fit.diagnostics();
        if (diagnostics.converged()) {
            out.println(messages.get("converged", Formats.fixed(diagnostics.logLikelihood(), 2),
                    diagnostics.iterations(), diagnostics.evaluations(), diagnostics.startsAgreeing(), diagnostics.starts(),
                    Formats.fixed(diagnostics.millis() / 1000.0, 2)));
        } else {
            out.println(messages.get("failed", diagnostics.problem(), diagnostics.evaluations()));
        }
        if (diagnostics.parameters().isEmpty()) {
            return;
        }
        TextTable table = new TextTable(10, -14, -14);
        table.row(messages.get("header.parameter"), messages.get("header.estimate"), messages.get("header.error"));
        for (int i = 0; i < diagnostics.parameters().size(); i++) {
            double error = diagnostics.standardErrors().get(i);
            table.row(fit.family().parameters().get(i), Formats.fixed(diagnostics.parameters().get(i), 4),
                    Double.isNaN(error) ? "-" : Formats.fixed(error, 4));
        }
        table.print(out);
    }

    private static void printHoldout(HoldoutComparison holdout, Messages messages, PrintWriter out) {
        out.println();
        double expected = holdout.expectedTotal();
        long actual = holdout.actualTotal();
        out.println(messages.get("holdout", holdout.fit().calibrationEnd().plusDays(1), holdout.fit().holdoutEnd(),
                Formats.fixed(holdout.holdoutLength(), 1), Formats.count(actual), Formats.fixed(expected, 1),
                actual == 0 ? "-" : Formats.percent((expected - actual) / actual)));
        TextTable table = new TextTable(-16, -10, -14, -14);
        table.row(messages.get("header.frequency"), messages.get("header.customers"), messages.get("header.actual"),
                messages.get("header.expected"));
        for (HoldoutComparison.Row row : holdout.rows()) {
            table.row(row.frequency() + (row.andMore() ? "+" : ""), Formats.count(row.customers()),
                    Formats.fixed(row.actualMean(), 3), Formats.fixed(row.expectedMean(), 3));
        }
        table.print(out);
    }

    private static Path writeTracking(HoldoutComparison holdout, Path target) {
        return writeCsv(target, csv -> {
            for (HoldoutComparison.TrackingPoint point : holdout.tracking()) {
                csv.printRecord(point.unit(), point.holdout() ? "holdout" : "calibration", point.actual(),
                        Formats.fixed(point.expected(), 2));
            }
        }, "unit", "period", "actual_cumulative", "expected_cumulative");
    }

    /** The rows a command writes to a CSV file. */
    private interface Rows {
        void write(CSVPrinter csv) throws IOException;
    }

    /** Writes a CSV file with a header, creating its folder; a file that cannot be written is bad input. */
    private static Path writeCsv(Path target, Rows rows, String... header) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(target, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(header).get())) {
                rows.write(csv);
            }
        } catch (IOException e) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, target + ": cannot be written: " + e.getMessage());
        }
        return target.toAbsolutePath().normalize();
    }

    @Command(name = "predict", mixinStandardHelpOptions = true,
            description = { "Forecasts every customer from the dataset's newest fit: probability alive, expected"
                    + " purchases, expected value and lifetime value.", "按数据集最新拟合预测每位客户：存活概率、预期购买、预期金额和终身价值。" })
    static final class Predict extends Subcommand {

        @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "The dataset.")
        private String dataset;

        @Option(names = "--horizon", paramLabel = "MONTHS",
                description = "Forecast horizon in months (default: the sector's, else configured: 36).")
        private int horizon;

        @Option(names = "--discount", paramLabel = "RATE",
                description = "Yearly discount rate, for example 0.10 (default: the sector's, else configured: 0.10).")
        private BigDecimal discount;

        @Option(names = { "-o", "--output" }, paramLabel = "CSV",
                description = "Where to write every customer's forecast (default: <dataset>-clv.csv here).")
        private Path output;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10",
                description = "How many customers with the highest lifetime profit to list (default: ${DEFAULT-VALUE}).")
        private int top;

        Predict(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            Messages messages = messages();
            if (top < 0) {
                throw new CommandFailure(CommandFailure.BAD_INPUT, "--top must not be negative");
            }
            LifetimeForecast forecast = forecast(dataset, horizon, discount);
            LifetimeFit fit = forecast.fit();
            out.println(messages.get("forecast", fit.transactions().family().label(messages.locale()), fit.dataset(),
                    fit.calibrationEnd(), forecast.horizonMonths(), Formats.percent(forecast.annualDiscountRate())));
            long likelyActive = forecast.customers().stream().filter(c -> c.probabilityAlive() >= 0.5).count();
            double purchases = forecast.customers().stream().mapToDouble(CustomerLifetime::expectedPurchases).sum();
            out.println(messages.get("forecastTotals", Formats.count(forecast.customers().size()),
                    Formats.count(likelyActive), String.format(Locale.ROOT, "%,.1f", purchases),
                    Formats.money(forecast.totalLifetimeValue()),
                    Formats.money(forecast.totalLifetimeProfit())));
            CustomerLifetime newCustomer = forecast.newCustomer();
            out.println(messages.get("newCustomer", Formats.fixed(newCustomer.expectedPurchases(), 2),
                    Formats.money(newCustomer.lifetimeValue()), Formats.money(newCustomer.lifetimeProfit())));
            if (top > 0) {
                out.println();
                List<CustomerLifetime> best = new ArrayList<>(forecast.customers());
                best.sort(Comparator.comparing(CustomerLifetime::lifetimeProfit).reversed()
                        .thenComparing(CustomerLifetime::customerId));
                printCustomers(best.subList(0, Math.min(top, best.size())), messages, out);
            }
            Path target = output != null ? output : Path.of(dataset + "-clv.csv");
            out.println(messages.get("written", writeForecast(forecast, target)));
            return 0;
        }
    }

    private static void printCustomers(List<CustomerLifetime> customers, Messages messages, PrintWriter out) {
        TextTable table = new TextTable(14, -6, -10, -10, -12, -14, -16);
        table.row(messages.get("header.customer"), "x", messages.get("header.alive"), messages.get("header.purchases"),
                messages.get("header.value"), messages.get("header.clv"), messages.get("header.clvProfit"));
        for (CustomerLifetime customer : customers) {
            table.row(customer.customerId(), String.valueOf(customer.frequency()),
                    Formats.percent(customer.probabilityAlive()), Formats.fixed(customer.expectedPurchases(), 2),
                    Formats.money(customer.expectedValue()), Formats.money(customer.lifetimeValue()),
                    Formats.money(customer.lifetimeProfit()));
        }
        table.print(out);
    }

    private static Path writeForecast(LifetimeForecast forecast, Path target) {
        return writeCsv(target, csv -> {
            for (CustomerLifetime c : forecast.customers()) {
                csv.printRecord(c.customerId(), c.frequency(), Formats.fixed(c.recency(), 4), Formats.fixed(c.age(), 4),
                        c.averageValue().toPlainString(), c.holdoutPurchases() < 0 ? "" : c.holdoutPurchases(),
                        Formats.fixed(c.probabilityAlive(), 6), Formats.fixed(c.expectedPurchases(), 6),
                        c.expectedValue().toPlainString(), c.lifetimeValue().toPlainString(),
                        c.netMarginShare().toPlainString(), c.lifetimeProfit().toPlainString());
            }
        }, "customer_id", "frequency", "recency", "age", "average_value", "holdout_purchases", "probability_alive",
                "expected_purchases", "expected_value", "lifetime_value", "net_margin_share", "lifetime_profit");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = { "Shows one customer's lifetime-value forecast and the model it comes from.",
                    "显示某位客户的终身价值预测及所用模型。" })
    static final class Show extends Subcommand {

        @Parameters(paramLabel = "CUSTOMER", description = "The customer's id.")
        private String customerId;

        @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "The dataset.")
        private String dataset;

        @Option(names = "--horizon", paramLabel = "MONTHS", description = "Forecast horizon in months.")
        private int horizon;

        @Option(names = "--discount", paramLabel = "RATE", description = "Yearly discount rate, for example 0.10.")
        private BigDecimal discount;

        Show(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            Messages messages = messages();
            LifetimeForecast forecast = forecast(dataset, horizon, discount);
            CustomerLifetime customer = forecast.find(customerId).orElseThrow(() -> new CommandFailure(
                    CommandFailure.BAD_INPUT, messages.get("unknownCustomer", customerId, dataset,
                            forecast.fit().calibrationEnd())));
            LifetimeFit fit = forecast.fit();
            boolean contracts = !fit.transactions().family().purchases();
            out.println(messages.get("showOf", customerId, dataset));
            printFit(fit, messages, out);
            out.println();
            String unit = Formats.fixed(fit.timeUnitDays(), 0);
            if (contracts) {
                out.println(messages.get("show.contracts", customer.frequency(), Formats.money(customer.averageValue())));
                out.println(messages.get("show.renewal", Formats.percent(customer.probabilityAlive())));
                out.println(messages.get("show.remaining", Formats.fixed(customer.expectedPurchases(), 2),
                        forecast.horizonMonths()));
            } else {
                out.println(messages.get("show.history", customer.frequency(), Formats.fixed(customer.recency(), 2),
                        Formats.fixed(customer.age(), 2), unit, Formats.money(customer.averageValue())));
                if (customer.holdoutPurchases() >= 0) {
                    out.println(messages.get("show.holdout", customer.holdoutPurchases()));
                }
                out.println(messages.get("show.alive", Formats.percent(customer.probabilityAlive())));
                out.println(messages.get("show.purchases", Formats.fixed(customer.expectedPurchases(), 2),
                        forecast.horizonMonths()));
                out.println(messages.get("show.value", Formats.money(customer.expectedValue())));
            }
            out.println(messages.get("show.clv", Formats.money(customer.lifetimeValue()),
                    Formats.percent(forecast.annualDiscountRate())));
            out.println(messages.get("show.clvProfit", Formats.money(customer.lifetimeProfit()),
                    Formats.percent(customer.netMarginShare())));
            return 0;
        }
    }

    @Command(name = "sectors", mixinStandardHelpOptions = true,
            description = { "Lists the sector plugins' choices of lifetime-value model.", "列出各行业插件选择的终身价值模型。" })
    static final class Sectors extends Subcommand {

        Sectors(CommandLineRunner.Platform platform, PrintWriter out) {
            super(platform, out);
        }

        @Override
        public Integer call() {
            Messages messages = messages();
            Locale locale = messages.locale();
            List<SectorLifetimeModel> sectors = platform.lifetime().sectors();
            if (sectors.isEmpty()) {
                out.println(messages.get("noSectors"));
                return 0;
            }
            TextTable table = new TextTable(12, 28, 44, -8, -9, -9);
            table.row("id", messages.get("header.sector"), messages.get("header.model"), messages.get("header.unit"),
                    messages.get("header.horizon"), messages.get("header.discount"));
            for (SectorLifetimeModel sector : sectors) {
                table.row(sector.id(), sector.name(locale), sector.family().label(locale),
                        Formats.fixed(sector.timeUnitDays(), 0), String.valueOf(sector.horizonMonths()),
                        Formats.percent(sector.annualDiscountRate()));
            }
            table.print(out);
            return 0;
        }
    }
}
