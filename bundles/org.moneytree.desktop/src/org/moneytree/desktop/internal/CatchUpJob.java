package org.moneytree.desktop.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.moneytree.api.profit.Period;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ViewException;

/**
 * Waits until the report data show a new analysis: {@link ReportData} may trust what it last read of a dataset's
 * runs for a moment (its freshness setting, a second by default), so views rendered right after a run could still
 * show the old one. This job asks for the latest period's results (which the views need next anyway) and, while
 * they come from a run older than the analysis, asks again a little later by rescheduling itself, a bounded number
 * of times. Its outcome is only a signal: the views render again when it is done, whatever it found.
 */
public class CatchUpJob extends DesktopJob {

    private static final long DELAY_MILLIS = 250;
    private static final int TRIES = 40;

    private final ReportData data;
    private final String dataset;
    private final Period latest;
    private final Instant ranFrom;
    private final Locale locale;
    private volatile int tries;
    private volatile boolean current;

    /**
     * @param latest the latest period the analysis stored
     * @param ranFrom when the analysis began storing: a run of the period from then on is the new one
     */
    public CatchUpJob(ReportData data, String dataset, Period latest, Instant ranFrom, Locale locale) {
        super(Texts.get(locale, "analysis.catchup", dataset));
        this.data = data;
        this.dataset = dataset;
        this.latest = latest;
        this.ranFrom = ranFrom;
        this.locale = locale;
    }

    @Override
    protected IStatus work(IProgressMonitor monitor) {
        monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
        try {
            List<Period> periods = data.periods(dataset);
            current = periods.contains(latest)
                    && !data.results(dataset, latest, locale).run().ranAt().isBefore(ranFrom);
        } catch (ViewException | RuntimeException e) {
            current = false;
        } finally {
            monitor.done();
        }
        if (!current && ++tries < TRIES && !monitor.isCanceled()) {
            schedule(DELAY_MILLIS);
        }
        return Status.OK_STATUS;
    }

    /** Whether the report data showed the new run at the last try. */
    public boolean current() {
        return current;
    }

    /** Whether the job will try again (it has rescheduled itself). */
    boolean tryingAgain() {
        return !current && tries < TRIES;
    }
}
