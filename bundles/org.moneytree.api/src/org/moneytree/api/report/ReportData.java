package org.moneytree.api.report;

import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.Period;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The analysed figures that reporting views show, computed once per dataset and period and shared: a view
 * asks for {@link #results} instead of analysing again, so that many users looking at a large dataset cost one
 * analysis. Results follow the stored tiering runs: a period is reported once {@code moneytree analyze} has
 * tiered it, and a new run of the period replaces what was kept.
 */
@ProviderType
public interface ReportData {

    /** The datasets of the workspace, sorted. */
    List<String> datasets();

    /** The periods of a dataset with a stored tiering run, in time order; empty when there are none. */
    List<Period> periods(String dataset);

    /**
     * A period's analysed figures.
     *
     * @param locale the language of the exception's message
     * @throws ViewException when the dataset has no tiering run for the period (the message lists the periods
     *         it has, or says to run {@code moneytree analyze} first)
     */
    PeriodResults results(String dataset, Period period, Locale locale) throws ViewException;

    /**
     * The latest period of a dataset with a stored tiering run.
     *
     * @throws ViewException when there is none
     */
    Period latest(String dataset, Locale locale) throws ViewException;
}
