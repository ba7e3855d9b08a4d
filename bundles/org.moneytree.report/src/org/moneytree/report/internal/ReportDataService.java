package org.moneytree.report.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierOverride;
import org.moneytree.api.tier.TierRun;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The report data: a period's stored tiers, with the profit report recomputed from the stored purchases with the
 * run's cost model and its scores, computed once per dataset and period and kept until the period is tiered again
 * or an override changes it ({@link ResultsCache}). Whether it has been is seen from the dataset's runs and
 * overrides: two small queries, but each opens a database connection (a few milliseconds on H2, tens on a PostgreSQL
 * server), so a look is trusted for a second (configurable) and shared by the requests that come while it is taken.
 */
@Component(service = ReportData.class, configurationPid = ReportDataService.PID)
@Designate(ocd = ReportDataConfiguration.class)
public final class ReportDataService implements ReportData {

    static final String PID = "org.moneytree.report";

    /** A look at a dataset's tier history: its runs and overrides, and when it was taken. */
    private record Look(List<TierRun> runs, List<TierOverride> overrides, long takenAt) {
    }

    private final TierHistory history;
    private final PurchaseStore purchases;
    private final ProfitabilityService profitability;
    private final ScoringModel scoring;
    private final ResultsCache cache;
    private final long freshnessNanos;
    private final Map<String, Look> looks = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Look>> lookups = new ConcurrentHashMap<>();

    @Activate
    public ReportDataService(@Reference TierHistory history, @Reference PurchaseStore purchases,
            @Reference ProfitabilityService profitability, @Reference ScoringModel scoring,
            ReportDataConfiguration configuration) {
        this.history = history;
        this.purchases = purchases;
        this.profitability = profitability;
        this.scoring = scoring;
        this.cache = new ResultsCache(configuration.cachedPeriods(), configuration.cachedCustomers());
        this.freshnessNanos = Math.max(0, configuration.freshnessMillis()) * 1_000_000;
    }

    @Override
    public List<String> datasets() {
        return purchases.datasets();
    }

    @Override
    public List<Period> periods(String dataset) {
        return look(dataset).runs().stream().map(TierRun::period).toList();
    }

    @Override
    public Period latest(String dataset, Locale locale) throws ViewException {
        List<TierRun> runs = look(dataset).runs();
        if (runs.isEmpty()) {
            throw new ViewException(nothingTiered(dataset, new Messages(locale)));
        }
        return runs.get(runs.size() - 1).period();
    }

    @Override
    public PeriodResults results(String dataset, Period period, Locale locale) throws ViewException {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(period, "period");
        Messages messages = new Messages(locale);
        Look look = look(dataset);
        TierRun run = look.runs().stream().filter(each -> each.period().equals(period)).findFirst().orElse(null);
        if (run == null) {
            throw new ViewException(look.runs().isEmpty() ? nothingTiered(dataset, messages)
                    : messages.noRun(dataset, period, look.runs().stream().map(TierRun::period).toList()));
        }
        List<TierOverride> overrides = look.overrides().stream().filter(each -> each.period().equals(period)).toList();
        return cache.get(new ResultsCache.Key(dataset, period), new Stamp(run, overrides),
                () -> compute(dataset, run, messages));
    }

    private String nothingTiered(String dataset, Messages messages) {
        List<String> datasets = purchases.datasets();
        return datasets.contains(dataset) ? messages.notAnalysed(dataset) : messages.noDataset(dataset, datasets);
    }

    /**
     * The dataset's runs and overrides. Requests that ask while a look is under way share it, so that many requests
     * at once cost two queries, not two each; a request that comes after a look has finished takes a new one (or,
     * configured, trusts the last for a while).
     */
    private Look look(String dataset) {
        if (freshnessNanos > 0) {
            Look kept = looks.get(dataset);
            if (kept != null && System.nanoTime() - kept.takenAt() < freshnessNanos) {
                return kept;
            }
        }
        CompletableFuture<Look> ours = new CompletableFuture<>();
        CompletableFuture<Look> running = lookups.putIfAbsent(dataset, ours);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        try {
            Look look = new Look(history.runs(dataset), history.overrides(dataset), System.nanoTime());
            ours.complete(look);
            if (freshnessNanos > 0) {
                looks.put(dataset, look);
            }
            return look;
        } catch (RuntimeException | Error e) {
            ours.completeExceptionally(e);
            throw e;
        } finally {
            lookups.remove(dataset, ours);
        }
    }

    private PeriodResults compute(String dataset, TierRun run, Messages messages) throws ViewException {
        Period period = run.period();
        List<StoredTier> tiers = history.tiers(dataset, period);
        ProfitReport report = null;
        Scores scores = null;
        // A dataset analysed straight from a file keeps no purchases; its archive alone would give a report of
        // the customers that only cost money, which is not what was tiered.
        if (purchases.purchaseCount(dataset) > 0) {
            List<ProfitReport> reports;
            try {
                reports = profitability.analyze(new AnalysisRequest(dataset, null, period.length(), List.of(period),
                        run.costModel()));
            } catch (AnalysisException e) {
                throw new ViewException(messages.analysisFailed(dataset, period, run.costModel(), e.getMessage()), e);
            }
            report = reports.stream()
                    .filter(each -> each.period().equals(period) && each.totals().purchaseLines() > 0)
                    .findFirst().orElse(null);
            if (report != null) {
                scores = scoring.score(report);
            }
        }
        return new PeriodResults(dataset, run, tiers, report, scores);
    }
}
