package org.moneytree.report.export.internal;

import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewTable;

/**
 * A view as one self-contained HTML page: styles inline, charts as inline SVG, nothing fetched from anywhere
 * (a Content-Security-Policy in the page says so to the browser too), every text of the model escaped.
 */
final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","WenQuanYi Zen Hei",\
            "Microsoft YaHei",sans-serif;color:#1a202c;margin:0;background:#f7fafc;line-height:1.45}
            main{max-width:960px;margin:0 auto;padding:24px 32px 8px;background:#fff}
            h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.6em 0 .5em}
            .summary{font-size:1.05em;color:#2d3748}
            .figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px;margin:1em 0}
            .figure{border:1px solid #e2e8f0;border-radius:6px;padding:10px 12px}
            .figure .label{font-size:.85em;color:#4a5568}.figure .value{font-size:1.3em;font-weight:600;overflow-wrap:anywhere}
            figure{margin:1.2em 0}svg.mt-chart{width:100%;height:auto}
            table{border-collapse:collapse;width:100%;font-size:.9em}
            th,td{border-bottom:1px solid #e2e8f0;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#edf2f7}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            td{white-space:pre-line}.cut{font-size:.85em;color:#4a5568}
            .notes{font-size:.9em;color:#2d3748}
            footer{max-width:960px;margin:0 auto;padding:8px 32px 24px;font-size:.8em;color:#718096;background:#fff}
            @media print{body{background:#fff}main,footer{padding:0}}
            """;

    private final Locale locale;
    private final ValueFormat format;
    private final Texts texts;

    Html(Locale locale) {
        this.locale = locale;
        this.format = new ValueFormat(locale);
        this.texts = new Texts(locale);
    }

    void write(ViewModel model, ZonedDateTime generated, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder page = new StringBuilder(16_384);
        page.append("<!DOCTYPE html>\n<html lang=\"").append(texts.chinese() ? "zh-CN" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"generator\" content=\"Moneytree\">\n")
                .append("<title>").append(escape(model.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
        page.append("<h1>").append(escape(model.title())).append("</h1>\n");
        if (!model.summary().isBlank()) {
            page.append("<p class=\"summary\">").append(escape(model.summary())).append("</p>\n");
        }
        figures(model.figures(), page);
        charts(model.charts(), page);
        for (ViewTable table : model.tables()) {
            table(table, page);
        }
        notes(model.notes(), page);
        page.append("</main>\n<footer>")
                .append(escape(texts.get("generated",
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(generated))))
                .append("</footer>\n</body>\n</html>\n");
        writer.write(page.toString());
        writer.flush();
    }

    private void figures(List<KeyFigure> figures, StringBuilder page) {
        if (figures.isEmpty()) {
            return;
        }
        page.append("<section class=\"figures\" aria-label=\"").append(escape(texts.get("keyFigures"))).append("\">\n");
        for (KeyFigure figure : figures) {
            page.append("<div class=\"figure\" data-id=\"").append(escape(figure.id())).append("\"><div class=\"label\">")
                    .append(escape(figure.label())).append("</div><div class=\"value\">")
                    .append(escape(format.format(figure.type(), figure.value()))).append("</div></div>\n");
        }
        page.append("</section>\n");
    }

    private void charts(List<ViewChart> charts, StringBuilder page) {
        Charts drawing = new Charts(locale, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int index = 0;
        for (ViewChart chart : charts) {
            page.append("<figure data-id=\"").append(escape(chart.id())).append("\">\n")
                    .append(drawing.svg(chart, index++)).append("\n</figure>\n");
        }
    }

    private void table(ViewTable table, StringBuilder page) {
        page.append("<section class=\"table\" data-id=\"").append(escape(table.id())).append("\">\n<h2>")
                .append(escape(table.title())).append("</h2>\n<table>\n<thead><tr>");
        for (ViewTable.Column column : table.columns()) {
            page.append(ValueFormat.numeric(column.type()) ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">")
                    .append(escape(column.label())).append("</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        for (List<Object> row : table.rows()) {
            page.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                ViewTable.Column column = table.columns().get(c);
                page.append(ValueFormat.numeric(column.type()) ? "<td class=\"num\">" : "<td>")
                        .append(escape(format.format(column.type(), row.get(c)))).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n");
        if (table.totalRows() > table.rows().size()) {
            page.append("<p class=\"cut\">").append(escape(texts.get("firstRows", table.rows().size(), table.totalRows())))
                    .append("</p>\n");
        }
        page.append("</section>\n");
    }

    private void notes(List<String> notes, StringBuilder page) {
        if (notes.isEmpty()) {
            return;
        }
        page.append("<section class=\"notes\">\n<h2>").append(escape(texts.get("notes"))).append("</h2>\n<ul>\n");
        for (String note : notes) {
            page.append("<li>").append(escape(note)).append("</li>\n");
        }
        page.append("</ul>\n</section>\n");
    }

    /** Text for HTML content and attribute values: markup characters, quotes and stray control characters. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    // Control characters other than tab and line breaks are not allowed in HTML (nor in the
                    // SVG's XML); a view that lets one through loses it rather than the page.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        escaped.append('\uFFFD');
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
