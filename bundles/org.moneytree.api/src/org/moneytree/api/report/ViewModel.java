package org.moneytree.api.report;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ReportView} answers: a UI-neutral model of a report that the console draws, the desktop client
 * renders natively and the exports write out. Its texts are in the request's language; its values are raw
 * (money as {@link java.math.BigDecimal}, shares as fractions) with their {@link ValueType}, for the front end to
 * format.
 *
 * @param viewId the id of the view that made it
 * @param title the report's title, for example "Whale curve — cdnow, 1998"
 * @param summary a sentence or two that say what the report shows, or an empty string
 * @param figures the key figures, in reading order
 * @param charts the charts, in reading order
 * @param tables the tables, in reading order
 * @param notes remarks on how to read it (what was left out, which model was used), possibly none
 */
public record ViewModel(String viewId, String title, String summary, List<KeyFigure> figures, List<ViewChart> charts,
        List<ViewTable> tables, List<String> notes) {

    public ViewModel {
        Objects.requireNonNull(viewId, "viewId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        figures = List.copyOf(figures);
        charts = List.copyOf(charts);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
