package org.moneytree.report.views.internal;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.moneytree.api.profit.Period;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;

/** What the standard views share: id, title and menu group in both languages, and reading a period parameter. */
abstract class StandardView implements ReportView {

    /** The menu groups of the standard views. */
    enum Group {
        ANALYSIS("Analysis", "分析"),
        ACCOUNTS("Accounts", "客户");

        private final String english;
        private final String chinese;

        Group(String english, String chinese) {
            this.english = english;
            this.chinese = chinese;
        }
    }

    /** The optional {@code period} parameter most views take: the latest tiered period when not given. */
    static final ViewParameter PERIOD = new ViewParameter("period", ViewParameter.Kind.PERIOD, false, "Period", "期间");

    /** How many rendered models each view keeps: a few periods, in both languages, with a few parameter choices. */
    static final int MODELS_KEPT = 16;

    protected final ReportData data;
    private final ResultsMemo<ViewModel> models = new ResultsMemo<>(MODELS_KEPT);
    private final String id;
    private final String english;
    private final String chinese;
    private final Group group;

    StandardView(ReportData data, String id, String english, String chinese, Group group) {
        this.data = data;
        this.id = id;
        this.english = english;
        this.chinese = chinese;
        this.group = group;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : english;
    }

    @Override
    public final String group(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? group.chinese : group.english;
    }

    /** The report's title: the view's, the dataset and the period, for example "Whale curve — demo, 2024". */
    final String title(ViewRequest request, Period period) {
        return title(request, period.id());
    }

    /** The report's title for what it covers, for example "Tier migration — demo, 2024-Q1 → 2024-Q2". */
    final String title(ViewRequest request, String covered) {
        return title(request.locale()) + " — " + request.dataset() + ", " + covered;
    }

    /** The period a parameter names, or {@code null} when it is not given. */
    static Period period(ViewRequest request, String parameter) throws ViewException {
        try {
            return request.period(parameter).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ViewException(new Texts(request.locale()).format(
                    "%s: '%s' is not a period; expected a year (2024), a quarter (2024-Q3) or a month (2024-07).",
                    "%s：'%s' 不是有效的期间；应为年份（2024）、季度（2024-Q3）或月份（2024-07）。", parameter,
                    request.parameter(parameter).orElse("")), e);
        }
    }

    /** The results of the period the parameter names, or of the dataset's latest tiered period. */
    final PeriodResults results(ViewRequest request, String parameter) throws ViewException {
        Period period = period(request, parameter);
        return data.results(request.dataset(), period != null ? period : data.latest(request.dataset(),
                request.locale()), request.locale());
    }

    /**
     * The model a request asks for, rendered once for the results it covers, its language and its parameters, and
     * then kept (see {@link ResultsMemo}): many users looking at the same period's pictures share one rendering.
     * Only for views whose model depends on nothing but these (not the account profile, which shows the archive).
     */
    final ViewModel model(ViewRequest request, List<PeriodResults> results, ResultsMemo.Computation<ViewModel> render)
            throws ViewException {
        return models.get(results, List.of(request.locale().getLanguage(), new TreeMap<>(request.parameters())),
                render);
    }
}
