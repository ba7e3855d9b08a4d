package org.moneytree.api.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes views out in the forms a consultant hands to a client: each view as CSV or as a self-contained HTML
 * report (charts drawn in, no file or script fetched from elsewhere), and a whole analysis, several views, as
 * one PDF with its charts. Texts are in the models' language; numbers are formatted for {@code locale}.
 */
@ProviderType
public interface ViewExporter {

    /**
     * Writes a view's tables as CSV (UTF-8 with a byte order mark, so that spreadsheet programs read Chinese
     * right): the key figures first, then each table under its title, with the columns' ids as headers and
     * raw values (money to the cent with a dot, shares as fractions).
     */
    void csv(ViewModel model, OutputStream out) throws IOException;

    /** Writes a view as one self-contained HTML page: figures, charts as inline SVG, tables, notes. */
    void html(ViewModel model, Locale locale, OutputStream out) throws IOException;

    /**
     * Writes several views as one PDF: a title page, then each view with its figures, charts and tables
     * (long tables cut at a page's worth of rows, with a note saying so).
     *
     * @param title the document's title, for example "Customer profitability — cdnow, 1998"
     */
    void pdf(String title, List<ViewModel> models, Locale locale, OutputStream out) throws IOException;
}
