package org.moneytree.api.report;

import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A report on a dataset: the extension point for reporting plugins. Register an implementation as an OSGi
 * service ({@code @Component(service = ReportView.class)}); the web console lists it in its menu under
 * {@link #group}, asks the user for its {@link #parameters()}, calls {@link #render} and draws the tables and
 * charts of the answer; the exports write the same answer as CSV, HTML or PDF. Render from
 * {@link ReportData} (the analysed figures of a period, shared by all views) rather than by analysing again,
 * and keep tables to what a person reads (the first few hundred rows, sorted by what matters): the model is
 * sent to browsers as it is. A view that throws is reported to the user by name; the rest of the console keeps
 * working.
 */
@ConsumerType
public interface ReportView {

    /** The view's id: short, lower case, unique, usable in a URL, for example {@code pareto}. */
    String id();

    /** The view's title in the given language (Simplified Chinese for {@code zh}, else English). */
    String title(Locale locale);

    /**
     * The menu group the view belongs to in the given language, for example "Analysis" (分析) or "Accounts"
     * (客户); views of one group are listed together.
     */
    String group(Locale locale);

    /**
     * The parameters the view takes besides the dataset, which every view gets; the console asks for them
     * in this order.
     */
    List<ViewParameter> parameters();

    /**
     * Computes the view.
     *
     * @param request the dataset, the parameters' values (required ones present, all checked against their
     *        kinds by the caller) and the language of the texts
     * @throws ViewException when the request cannot be answered (no such period, no such customer, nothing
     *         analysed yet): the message says what was asked, what is missing and what to do, in the request's
     *         language
     */
    ViewModel render(ViewRequest request) throws ViewException;
}
