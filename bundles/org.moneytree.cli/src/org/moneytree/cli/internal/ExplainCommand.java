package org.moneytree.cli.internal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.moneytree.api.archive.Customer;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.CostLine;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.scoring.ScoreExplanation;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierRun;
import org.moneytree.api.tier.TieringResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Explains one customer: its profit and cost to serve line by line, its score criterion by criterion, its
 * tier with the reason and any override, and its tier history. The figures are recomputed from the stored
 * purchases, with the cost model and scheme of the period's stored run.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = { "Explains a customer's profit, score and tier, and shows its tier history.",
                "解释某位客户的利润、评分和分级，并显示其分级历史。" })
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CUSTOMER", description = "The customer's id.")
    private String customerId;

    @Option(names = "--dataset", paramLabel = "NAME", required = true, description = "The dataset.")
    private String dataset;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "The period (default: the latest in which the customer was tiered, else the latest year with"
                    + " purchases).")
    private String period;

    @Option(names = "--scheme", paramLabel = "ID", description = "Tier scheme (default: the period's stored run's, else pyramid).")
    private String scheme;

    @Option(names = "--cost-model", paramLabel = "ID", description = "Cost model (default: the stored run's, else standard).")
    private String costModel;

    @Mixin
    private LanguageOption language;

    private final CommandLineRunner.Platform platform;
    private final PrintWriter out;

    ExplainCommand(CommandLineRunner.Platform platform, PrintWriter out) {
        this.platform = platform;
        this.out = out;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(language.locale());
        Locale locale = messages.locale();
        List<TierRun> runs = platform.history().runs(dataset);
        List<StoredTier> history = platform.history().history(dataset, customerId);
        Period chosen = choosePeriod(runs, history, messages);
        Optional<TierRun> run = runs.stream().filter(each -> each.period().equals(chosen)).findFirst();
        String model = costModel != null ? costModel : run.map(TierRun::costModel).orElse(ProfitabilityService.DEFAULT_COST_MODEL);
        String schemeId = scheme != null ? scheme : run.map(TierRun::scheme).orElse("pyramid");
        AnalysisPipeline pipeline = new AnalysisPipeline(platform, locale);
        List<ProfitReport> reports = pipeline.profit(new AnalysisRequest(dataset, null, chosen.length(), List.of(chosen), model));
        ProfitReport report = reports.isEmpty() ? null : reports.get(0);
        int index = report == null ? -1 : report.indexOf(customerId);
        Optional<Customer> archived = platform.archive().customer(dataset, customerId);
        if (index < 0 && archived.isEmpty() && history.isEmpty()) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noCustomer", customerId, dataset, chosen.id()));
        }
        out.println(messages.get("explainOf", customerId + archived.map(customer -> " " + customer.name()).orElse(""), dataset,
                chosen.id()));
        if (index < 0) {
            out.println(messages.get("notInPeriod", customerId, chosen.id()));
        } else {
            Scores scores = pipeline.score(report);
            TieringResult result = pipeline.tier(schemeId, scores);
            printProfit(report.customers().get(index), messages);
            printScore(platform.scoring().explain(scores, customerId, locale), messages);
            TierAssignment assignment = result.assignments().get(index);
            out.println();
            out.println(messages.get("tierNow", assignment.tier().label(locale), schemeId, assignment.reason()));
        }
        printHistory(history, messages);
        return 0;
    }

    private Period choosePeriod(List<TierRun> runs, List<StoredTier> history, Messages messages) {
        if (period != null) {
            return PeriodOptions.parse(period, "--period");
        }
        if (!history.isEmpty()) {
            return history.get(history.size() - 1).period();
        }
        if (!runs.isEmpty()) {
            return runs.get(runs.size() - 1).period();
        }
        List<Period> years = platform.profitability().periods(dataset, PeriodLength.YEAR);
        if (years.isEmpty()) {
            throw new CommandFailure(CommandFailure.BAD_INPUT, messages.get("noPurchases", dataset));
        }
        return years.get(years.size() - 1);
    }

    private void printProfit(CustomerProfit customer, Messages messages) {
        out.println();
        out.println(messages.get("explain.revenue", Formats.money(customer.revenue()),
                Formats.count(customer.purchaseLines()), Formats.count(customer.returnLines())));
        out.println(messages.get("explain.costOfGoods", Formats.money(customer.costOfGoods())));
        out.println(messages.get("explain.grossMargin", Formats.money(customer.grossMargin()),
                Formats.percent(customer.grossMarginShare())));
        out.println(messages.get("explain.costToServe", Formats.money(customer.costToServe())));
        for (CostLine line : customer.costs()) {
            out.println(String.format(Locale.ROOT, "    %-20s %10s × %10s = %14s", line.activityType(),
                    line.quantity().toPlainString(), Formats.money(line.rate()), Formats.money(line.cost())));
        }
        out.println(messages.get("explain.netProfit", Formats.money(customer.netProfit()),
                Formats.percent(customer.netMarginShare())));
    }

    private void printScore(ScoreExplanation explanation, Messages messages) {
        out.println();
        out.println(messages.get("explain.score", Formats.score(explanation.score())));
        TextTable table = new TextTable(34, -6, -7, -7, 0);
        table.row(messages.get("header.criterion"), messages.get("header.value"), messages.get("header.weight"),
                messages.get("header.points"), messages.get("header.reason"));
        for (ScoreExplanation.Contribution contribution : explanation.contributions()) {
            table.row(contribution.criterion().name(), String.format(Locale.ROOT, "%.2f", contribution.value()),
                    String.format(Locale.ROOT, "%.0f", contribution.criterion().weight()),
                    Formats.score(contribution.points()), contribution.detail());
        }
        table.print(out);
    }

    private void printHistory(List<StoredTier> history, Messages messages) {
        if (history.isEmpty()) {
            return;
        }
        Locale locale = messages.locale();
        out.println();
        out.println(messages.get("explain.history"));
        TextTable table = new TextTable(-8, 10, -7, -16, 0);
        table.row(messages.get("header.period"), messages.get("header.tier"), messages.get("header.score"),
                messages.get("header.netProfit"), messages.get("header.reason"));
        for (StoredTier row : history) {
            String reason = row.override() != null ? messages.get("overridden", row.computedTier().label(locale),
                    row.override().reason(), row.override().author()) : row.reason();
            table.row(row.period().id(), row.tier().label(locale) + (row.override() != null ? " *" : ""),
                    Formats.score(row.score()), Formats.money(row.netProfit()), reason);
        }
        table.print(out);
    }
}
