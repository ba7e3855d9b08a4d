package org.moneytree.desktop.internal;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import jakarta.inject.Named;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.translation.TranslationService;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.scoring.ScoringModel;
import org.moneytree.api.tier.TierHistory;
import org.moneytree.api.tier.TierSummary;
import org.moneytree.api.tier.TieringResult;
import org.moneytree.api.tier.TieringService;

/**
 * Analysis › Run analysis…: the {@link AnalysisDialog}, then an {@link AnalysisJob}. Once the tiers are stored the
 * workbench shows the analysed dataset and every open view renders again (the report data follows the new run);
 * a short account of the run (periods, the latest period's tiers) is shown.
 */
public class AnalysisHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional ProfitabilityService profitability,
            @Optional ScoringModel scoring, @Optional TieringService tiering, @Optional TierHistory history,
            @Optional ReportData data, MApplication application, UISynchronize sync,
            @Optional @Named(TranslationService.LOCALE) Object localeValue) {
        Locale locale = Keys.locale(localeValue);
        List<String> missing = new ArrayList<>();
        if (profitability == null) {
            missing.add("ProfitabilityService");
        }
        if (scoring == null) {
            missing.add("ScoringModel");
        }
        if (tiering == null) {
            missing.add("TieringService");
        }
        if (history == null) {
            missing.add("TierHistory");
        }
        if (data == null) {
            missing.add("ReportData");
        }
        if (!missing.isEmpty()) {
            MessageDialog.openError(shell, Texts.get(locale, "analysis.title"),
                    Texts.get(locale, "service.missing", String.join(", ", missing)));
            return;
        }
        AnalysisDialog dialog = new AnalysisDialog(shell, locale, data.datasets(),
                (String) application.getContext().get(Keys.DATASET), tiering.schemes(locale),
                profitability.costModels(locale));
        if (dialog.open() == Window.OK) {
            start(shell, new AnalysisJob(profitability, scoring, tiering, history, dialog.choice(), locale), data,
                    application, sync, locale);
        }
    }

    /**
     * Runs the analysis; when its tiers are stored and the report data show them ({@link CatchUpJob}), shows the
     * dataset in the workbench, has the views render again and says what was done.
     *
     * @param data the report data the views read, or {@code null} not to wait for them
     * @return completes on the UI thread with the window that shows the outcome
     */
    static CompletableFuture<Window> start(Shell shell, AnalysisJob job, ReportData data, MApplication application,
            UISynchronize sync, Locale locale) {
        CompletableFuture<Window> shown = new CompletableFuture<>();
        Consumer<IStatus> show = status -> sync.asyncExec(() -> {
            try {
                shown.complete(outcome(shell, job, status, application, locale));
            } catch (RuntimeException | Error e) {
                shown.completeExceptionally(e);
                throw e;
            }
        });
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                IStatus status = event.getResult();
                List<TieringResult> results = job.results();
                if (data == null || results == null) {
                    show.accept(status);
                    return;
                }
                CatchUpJob catchUp = new CatchUpJob(data, job.choice().dataset(),
                        results.get(results.size() - 1).scores().report().period(), job.startedAt(), locale);
                catchUp.addJobChangeListener(new JobChangeAdapter() {
                    @Override
                    public void done(IJobChangeEvent again) {
                        if (!catchUp.tryingAgain()) {
                            show.accept(status);
                        }
                    }
                });
                catchUp.schedule();
            }
        });
        job.schedule();
        return shown;
    }

    private static Window outcome(Shell shell, AnalysisJob job, IStatus status, MApplication application,
            Locale locale) {
        String title = Texts.get(locale, "analysis.title");
        if (status.getSeverity() == IStatus.CANCEL) {
            return Dialogs.message(shell, MessageDialog.INFORMATION, title,
                    Texts.get(locale, "analysis.cancelled", job.choice().dataset()));
        }
        List<TieringResult> results = job.results();
        if (results == null) {
            return Dialogs.message(shell, MessageDialog.ERROR, title, status.getMessage());
        }
        if (application != null) {
            application.getContext().set(Keys.DATASET, job.choice().dataset());
            Keys.refresh(application.getContext());
        }
        return Dialogs.message(shell, MessageDialog.INFORMATION, title, summary(job.choice(), results, locale));
    }

    /** The account of a run: its periods and the latest period's customers per tier. */
    static String summary(AnalysisDialog.Choice choice, List<TieringResult> results, Locale locale) {
        NumberFormat count = NumberFormat.getIntegerInstance(locale);
        TieringResult latest = results.get(results.size() - 1);
        TierSummary summary = latest.summary();
        List<String> tiers = new ArrayList<>();
        for (TierSummary.TierRow row : summary.tiers()) {
            tiers.add(row.tier().label(locale) + " " + count.format(row.customers()));
        }
        return Texts.get(locale, "analysis.done", choice.dataset(), results.size(), choice.length().label(locale),
                results.get(0).scores().report().period().id(), latest.scores().report().period().id(),
                latest.scheme().name(), count.format(summary.customers()), String.join(", ", tiers));
    }
}
