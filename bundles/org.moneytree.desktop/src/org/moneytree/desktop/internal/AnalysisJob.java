package org.moneytree.desktop.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.scoring.Scores;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierSchemeException;
import org.moneytree.api.tier.TieringResult;
import org.moneytree.api.tier.TieringService;

/**
 * Runs an analysis the way {@code moneytree analyze --dataset NAME} does, with the same services: profitability of
 * every period of the length ({@link ProfitabilityService}), scores ({@link ScoringModel}), tiers
 * ({@link TieringService}), and the tiers kept in the history ({@link TierHistory}), where the report data and so
 * every view find them. Cancelling stops between periods, before anything is stored: the tiers of all periods are
 * stored together at the end (the profitability pass itself cannot be interrupted).
 */
public class AnalysisJob extends DesktopJob {

    private static final Logger LOG = Logger.getLogger(AnalysisJob.class.getName());

    private final ProfitabilityService profitability;
    private final ScoringModel scoring;
    private final TieringService tiering;
    private final TierHistory history;
    private final AnalysisDialog.Choice choice;
    private final Locale locale;
    private volatile List<TieringResult> results;
    private volatile Instant startedAt = Instant.now();

    public AnalysisJob(ProfitabilityService profitability, ScoringModel scoring, TieringService tiering,
            TierHistory history, AnalysisDialog.Choice choice, Locale locale) {
        super(Texts.get(locale, "analysis.job", choice.dataset()));
        this.profitability = profitability;
        this.scoring = scoring;
        this.tiering = tiering;
        this.history = history;
        this.choice = choice;
        this.locale = locale;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        startedAt = Instant.now();
        try {
            // profitability is one pass over the purchases; scoring and tiering take a step per period
            monitor.beginTask(getName(), 100);
            monitor.subTask(Texts.get(locale, "analysis.profit", choice.dataset()));
            List<ProfitReport> reports = profitability.analyze(new AnalysisRequest(choice.dataset(), null,
                    choice.length(), List.of(), choice.costModel()));
            monitor.worked(40);
            if (reports.isEmpty()) {
                return Status.error(Texts.get(locale, "analysis.nopurchases", choice.dataset()));
            }
            List<TieringResult> tiered = new ArrayList<>(reports.size());
            double step = 50.0 / reports.size();
            for (ProfitReport report : reports) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                monitor.subTask(Texts.get(locale, "analysis.tiering", report.period().id()));
                Scores scores = scoring.score(report);
                tiered.add(tiering.assign(choice.scheme(), scores, locale));
                monitor.internalWorked(step);
            }
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            monitor.subTask(Texts.get(locale, "analysis.storing", tiered.size()));
            for (TieringResult result : tiered) {
                history.save(choice.dataset(), result);
            }
            monitor.worked(10);
            results = List.copyOf(tiered);
            return Status.OK_STATUS;
        } catch (AnalysisException | TierSchemeException e) {
            return Status.error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "analysing " + choice.dataset() + " failed", e);
            return Status.error(Texts.get(locale, "analysis.failed", choice.dataset(),
                    e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } finally {
            monitor.done();
        }
    }

    /** Every period's tiers as stored; {@code null} until the job has stored them. */
    public List<TieringResult> results() {
        return results;
    }

    /** When the job began: the runs it stores are from then on. */
    public Instant startedAt() {
        return startedAt;
    }

    /** What the job was asked to analyse. */
    public AnalysisDialog.Choice choice() {
        return choice;
    }
}
