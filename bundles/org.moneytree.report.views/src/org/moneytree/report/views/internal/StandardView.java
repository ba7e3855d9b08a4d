package org.moneytree.report.views.internal;

import java.util.Locale;

import org.moneytree.api.profit.Period;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
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

    protected final ReportData data;
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
}
