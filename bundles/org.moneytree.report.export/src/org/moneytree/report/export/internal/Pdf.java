package org.moneytree.report.export.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewTable;

/**
 * Several views as one PDF (A4, with PDFBox): a title page with the contents, then each view from a new page
 * with its title, summary, key figures, charts (drawn by JFreeChart into images) and tables. A table's header is
 * repeated on every page it spans, and a table is cut after a page's worth of rows with a note saying how many
 * there are. Every page is numbered.
 *
 * <p>English text is set in Helvetica, one of the fonts every PDF reader has. Text that Helvetica cannot set
 * (Chinese) needs a font with TrueType outlines embedded in the file; when none is found, no PDF is written and
 * the {@link IOException} says what to install or configure.
 */
final class Pdf {

    /** Where the Chinese font comes from: the component's configuration, searched when not set. */
    interface FontSource {
        /**
         * The font file to use for Chinese, if there is one.
         *
         * @throws IOException when the configured file cannot be used
         */
        Optional<Path> cjkFont() throws IOException;

        /** The same font for Java2D (charts), or {@code null} when Java cannot use it. */
        Font awtFont(Path path);
    }

    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 50;
    static final float TOP = SIZE.getHeight() - MARGIN;
    /** The lowest line of content; the page number sits below it. */
    static final float BOTTOM = MARGIN + 12;
    static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    static final float TABLE_FONT = 8.5f;
    static final float ROW = 13;
    static final float CELL_PADDING = 3;
    static final float HEADER_LEADING = 10;
    static final float MINIMUM_COLUMN = 24;

    /** Rows of a table shown at most: what fits on one page under its header, with the note on the cut. */
    static final int PAGE_ROWS = (int) Math.floor((TOP - BOTTOM - ROW - ROW) / ROW);

    private static final Color TEXT = new Color(0x1a202c);
    private static final Color MUTED = new Color(0x4a5568);
    private static final Color RULE = new Color(0xcbd5e0);
    private static final Color HEADER = new Color(0xedf2f7);

    private final Locale locale;
    private final ValueFormat format;
    private final Texts texts;
    private final FontSource fontSource;

    Pdf(Locale locale, FontSource fontSource) {
        this.locale = locale;
        this.format = new ValueFormat(locale);
        this.texts = new Texts(locale);
        this.fontSource = fontSource;
    }

    void write(String title, List<ViewModel> models, ZonedDateTime generated, OutputStream out) throws IOException {
        String date = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(generated);
        boolean unicode = texts(title, models, date).anyMatch(text -> !Standard.sets(text));
        CjkFont cjk = null;
        Font chartFont = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        if (unicode) {
            Optional<Path> path;
            try {
                path = fontSource.cjkFont();
            } catch (CjkFont.UnusableFont e) {
                throw new IOException(texts.get("badCjkFont", e.path(), e.reason()), e);
            }
            if (path.isEmpty()) {
                throw new IOException(texts.get("noCjkFont", searched()));
            }
            try {
                cjk = CjkFont.open(path.get());
            } catch (IOException e) {
                throw new IOException(texts.get("badCjkFont", path.get(), e.getMessage()), e);
            }
            Font awt = fontSource.awtFont(path.get());
            if (awt != null) {
                chartFont = awt;
            }
        }
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = cjk == null ? Fonts.standard() : Fonts.unicode(document, cjk);
            Layout layout = new Layout(document, fonts);
            PDPage titlePage = layout.newPage();
            List<Integer> starts = new ArrayList<>();
            Charts charts = new Charts(locale, chartFont);
            for (ViewModel model : models) {
                starts.add(document.getNumberOfPages() + 1);
                view(model, layout, charts);
            }
            layout.close();
            titlePage(document, titlePage, fonts, title, date, models, starts);
            pageNumbers(document, fonts);
            PDDocumentInformation information = document.getDocumentInformation();
            information.setTitle(title);
            information.setCreator("Moneytree");
            information.setProducer("Moneytree with Apache PDFBox");
            information.setCreationDate(GregorianCalendar.from(generated));
            document.save(out);
        } finally {
            if (cjk != null) {
                cjk.close();
            }
        }
    }

    private static String searched() {
        StringBuilder places = new StringBuilder();
        for (Path known : CjkFont.KNOWN) {
            places.append(places.isEmpty() ? "" : ", ").append(known);
        }
        for (Path folder : CjkFont.folders()) {
            places.append(", ").append(folder);
        }
        return "looked for " + places;
    }

    /** Every text that goes into the document, to choose its font before anything is written. */
    private Stream<String> texts(String title, List<ViewModel> models, String date) {
        List<String> all = new ArrayList<>();
        all.add(title);
        all.add(texts.get("contents"));
        all.add(texts.get("generated", date));
        all.add(texts.get("page", 1, 1));
        all.add(texts.get("keyFigures"));
        all.add(texts.get("notes"));
        all.add(texts.get("firstRows", 1, 2));
        for (ViewModel model : models) {
            all.add(model.title());
            all.add(model.summary());
            all.addAll(model.notes());
            for (KeyFigure figure : model.figures()) {
                all.add(figure.label());
                all.add(format.format(figure.type(), figure.value()));
            }
            for (ViewChart chart : model.charts()) {
                all.add(chart.title());
                all.add(chart.x().label());
                all.add(chart.y().label());
                chart.series().forEach(series -> all.add(series.label()));
                chart.marks().forEach(mark -> all.add(mark.label()));
                chart.series().forEach(series -> series.points().forEach(point -> all.add(point.x().toString())));
            }
            for (ViewTable table : model.tables()) {
                all.add(table.title());
                table.columns().forEach(column -> all.add(column.label()));
                int shown = Math.min(table.rows().size(), PAGE_ROWS);
                for (List<Object> row : table.rows().subList(0, shown)) {
                    for (int c = 0; c < row.size(); c++) {
                        all.add(format.format(table.columns().get(c).type(), row.get(c)));
                    }
                }
            }
        }
        return all.stream();
    }

    // ----------------------------------------------------------------------------------------------------
    // A view.

    private void view(ViewModel model, Layout layout, Charts charts) throws IOException {
        layout.newPage();
        layout.paragraph(model.title(), Face.BOLD, 16, 20, TEXT);
        layout.space(4);
        if (!model.summary().isBlank()) {
            layout.paragraph(model.summary(), Face.REGULAR, 10.5f, 14, TEXT);
            layout.space(8);
        }
        figures(model.figures(), layout);
        for (ViewChart chart : model.charts()) {
            float height = WIDTH * Charts.HEIGHT / Charts.WIDTH;
            layout.need(height + 8);
            BufferedImage image = charts.image(chart, Charts.WIDTH, Charts.HEIGHT, 2);
            PDImageXObject picture = LosslessFactory.createFromImage(layout.document, image);
            layout.out.drawImage(picture, MARGIN, layout.y - height, WIDTH, height);
            layout.y -= height + 8;
        }
        for (ViewTable table : model.tables()) {
            table(table, layout);
        }
        if (!model.notes().isEmpty()) {
            layout.need(16 + 14);
            layout.space(6);
            layout.paragraph(texts.get("notes"), Face.BOLD, 11, 15, TEXT);
            for (String note : model.notes()) {
                layout.paragraph(layout.fonts.bullet() + " " + note, Face.REGULAR, 9.5f, 13, TEXT);
            }
        }
    }

    private void figures(List<KeyFigure> figures, Layout layout) throws IOException {
        if (figures.isEmpty()) {
            return;
        }
        layout.need(15 + 32);
        layout.paragraph(texts.get("keyFigures"), Face.BOLD, 11, 15, TEXT);
        int perRow = 3;
        float cell = WIDTH / perRow;
        for (int i = 0; i < figures.size(); i += perRow) {
            layout.need(32);
            for (int j = i; j < Math.min(figures.size(), i + perRow); j++) {
                KeyFigure figure = figures.get(j);
                float x = MARGIN + (j - i) * cell;
                layout.text(x, layout.y - 9, Face.REGULAR, 8.5f,
                        layout.fit(figure.label(), Face.REGULAR, 8.5f, cell - 8), MUTED);
                layout.text(x, layout.y - 24, Face.BOLD, 13,
                        layout.fit(format.format(figure.type(), figure.value()), Face.BOLD, 13, cell - 8), TEXT);
            }
            layout.y -= 32;
        }
        layout.space(8);
    }

    private void table(ViewTable table, Layout layout) throws IOException {
        List<ViewTable.Column> columns = table.columns();
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : table.rows().subList(0, Math.min(table.rows().size(), PAGE_ROWS))) {
            List<String> values = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                values.add(format.format(columns.get(c).type(), row.get(c)).replaceAll("\\s+", " ").strip());
            }
            cells.add(values);
        }
        float[] widths = widths(columns, cells, layout.fonts);
        List<List<String>> headers = new ArrayList<>();
        int headerLines = 1;
        for (int c = 0; c < columns.size(); c++) {
            List<String> lines = layout.wrap(columns.get(c).label(), Face.BOLD, TABLE_FONT, widths[c] - 2 * CELL_PADDING);
            if (lines.size() > 2) {
                lines = List.of(lines.get(0), layout.fit(String.join(" ", lines.subList(1, lines.size())), Face.BOLD,
                        TABLE_FONT, widths[c] - 2 * CELL_PADDING));
            }
            headers.add(lines);
            headerLines = Math.max(headerLines, lines.size());
        }
        float headerHeight = ROW + (headerLines - 1) * HEADER_LEADING;
        // A page's worth: the rows that fit on a page under the header, with the note on the cut.
        int shown = Math.min(cells.size(), (int) Math.floor((TOP - BOTTOM - headerHeight - ROW) / ROW));
        // The title, the header and a few rows stay together.
        layout.need(15 + headerHeight + ROW * Math.min(3, shown) + 6);
        layout.space(6);
        layout.paragraph(table.title(), Face.BOLD, 11, 15, TEXT);
        layout.space(2);
        header(columns, headers, widths, headerHeight, layout);
        for (List<String> row : cells.subList(0, shown)) {
            if (layout.y - ROW < BOTTOM) {
                layout.newPage();
                header(columns, headers, widths, headerHeight, layout);
            }
            float x = MARGIN;
            for (int c = 0; c < row.size(); c++) {
                cell(row.get(c), ValueFormat.numeric(columns.get(c).type()), x, widths[c], Face.REGULAR,
                        layout.y - ROW + 4, layout);
                x += widths[c];
            }
            layout.rule(layout.y - ROW, 0.25f);
            layout.y -= ROW;
        }
        if (table.totalRows() > shown) {
            if (layout.y - ROW < BOTTOM) {
                layout.newPage();
            }
            layout.text(MARGIN, layout.y - ROW + 4, Face.REGULAR, TABLE_FONT,
                    texts.get("firstRows", shown, table.totalRows()), MUTED);
            layout.y -= ROW;
        }
        layout.space(8);
    }

    private void header(List<ViewTable.Column> columns, List<List<String>> headers, float[] widths, float height,
            Layout layout) throws IOException {
        layout.out.setNonStrokingColor(HEADER);
        layout.out.addRect(MARGIN, layout.y - height, WIDTH, height);
        layout.out.fill();
        float x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            List<String> lines = headers.get(c);
            for (int line = 0; line < lines.size(); line++) {
                cell(lines.get(line), ValueFormat.numeric(columns.get(c).type()), x, widths[c], Face.BOLD,
                        layout.y - ROW + 4 - line * HEADER_LEADING, layout);
            }
            x += widths[c];
        }
        layout.rule(layout.y - height, 0.5f);
        layout.y -= height;
    }

    private void cell(String value, boolean right, float x, float width, Face font, float baseline, Layout layout)
            throws IOException {
        String text = layout.fit(value, font, TABLE_FONT, width - 2 * CELL_PADDING);
        float textWidth = layout.width(text, font, TABLE_FONT);
        float left = right ? x + width - CELL_PADDING - textWidth : x + CELL_PADDING;
        layout.text(left, baseline, font, TABLE_FONT, text, TEXT);
    }

    /**
     * Columns as wide as their widest value and header, stretched to the page's width. When they do not fit,
     * headers go on two lines; when that is not enough either, the widest columns give way until the table fits
     * (their values cut with an ellipsis).
     */
    private static float[] widths(List<ViewTable.Column> columns, List<List<String>> cells, Fonts fonts)
            throws IOException {
        int count = columns.size();
        float[] oneLine = new float[count];
        float[] twoLines = new float[count];
        for (int c = 0; c < count; c++) {
            float values = 0;
            for (int r = 0; r < Math.min(cells.size(), 200); r++) {
                values = Math.max(values, fonts.width(cells.get(r).get(c), Face.REGULAR, TABLE_FONT));
            }
            values = Math.min(values, WIDTH * 0.45f) + 2 * CELL_PADDING;
            float header = fonts.width(columns.get(c).label(), Face.BOLD, TABLE_FONT) + 2 * CELL_PADDING;
            oneLine[c] = Math.max(Math.max(values, header), MINIMUM_COLUMN);
            float word = 0;
            for (String each : columns.get(c).label().split("\\s+")) {
                word = Math.max(word, fonts.width(each, Face.BOLD, TABLE_FONT));
            }
            twoLines[c] = Math.max(Math.max(values, Math.max(header * 0.6f, word) + 2 * CELL_PADDING), MINIMUM_COLUMN);
        }
        if (sum(oneLine) <= WIDTH) {
            return stretched(oneLine);
        }
        if (sum(twoLines) <= WIDTH) {
            return stretched(twoLines);
        }
        // The widest columns are capped at the width that makes the table fit.
        float[] sorted = twoLines.clone();
        java.util.Arrays.sort(sorted);
        float rest = WIDTH;
        float cap = WIDTH / count;
        for (int i = 0; i < count; i++) {
            float fair = rest / (count - i);
            if (sorted[i] > fair) {
                cap = fair;
                break;
            }
            rest -= sorted[i];
            cap = sorted[i];
        }
        float[] widths = new float[count];
        for (int c = 0; c < count; c++) {
            widths[c] = Math.min(twoLines[c], cap);
        }
        return stretched(widths);
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }

    private static float[] stretched(float[] widths) {
        float total = sum(widths);
        float[] stretched = new float[widths.length];
        for (int c = 0; c < widths.length; c++) {
            stretched[c] = total <= 0 ? WIDTH / widths.length : widths[c] * WIDTH / total;
        }
        return stretched;
    }

    // ----------------------------------------------------------------------------------------------------
    // Title page and page numbers, written once the views' pages are known.

    private void titlePage(PDDocument document, PDPage page, Fonts fonts, String title, String date,
            List<ViewModel> models, List<Integer> starts) throws IOException {
        Layout layout = new Layout(document, fonts);
        layout.on(page);
        layout.y = TOP - 150;
        layout.paragraph(title, Face.BOLD, 24, 30, TEXT);
        layout.space(10);
        layout.paragraph(texts.get("generated", date), Face.REGULAR, 11, 15, MUTED);
        if (!models.isEmpty()) {
            layout.space(40);
            layout.paragraph(texts.get("contents"), Face.BOLD, 13, 18, TEXT);
            layout.space(4);
            for (int i = 0; i < models.size() && layout.y - 16 >= BOTTOM; i++) {
                String number = Integer.toString(starts.get(i));
                float numberWidth = layout.width(number, Face.REGULAR, 11);
                layout.text(MARGIN, layout.y - 12, Face.REGULAR, 11,
                        layout.fit(models.get(i).title(), Face.REGULAR, 11, WIDTH - numberWidth - 24), TEXT);
                layout.text(MARGIN + WIDTH - numberWidth, layout.y - 12, Face.REGULAR, 11, number, TEXT);
                layout.y -= 16;
            }
        }
        layout.close();
    }

    private void pageNumbers(PDDocument document, Fonts fonts) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String text = fonts.printable(texts.get("page", i + 1, count));
                float width = fonts.width(text, Face.REGULAR, 8.5f);
                out.beginText();
                out.setNonStrokingColor(MUTED);
                out.setFont(fonts.font(Face.REGULAR), 8.5f);
                out.newLineAtOffset((SIZE.getWidth() - width) / 2, MARGIN - 14);
                out.showText(text);
                out.endText();
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // Fonts and layout.

    /** The weight of a text. */
    private enum Face {
        REGULAR, BOLD
    }

    /** The Standard 14 Helvetica: what it can set, character by character. */
    private static final class Standard {
        private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private static final Map<Integer, Boolean> SETS = new java.util.concurrent.ConcurrentHashMap<>();

        static boolean sets(String text) {
            String plain = Fonts.substitute(text);
            return plain.codePoints().allMatch(c -> sets(c) || Fonts.FALLBACKS.containsKey(c));
        }

        static boolean sets(int codePoint) {
            return SETS.computeIfAbsent(codePoint, c -> {
                try {
                    HELVETICA.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
        }
    }

    /** The document's regular and bold fonts, with what they can set. */
    private static final class Fonts {
        final PDFont regular;
        final PDFont bold;
        /** Whether bold is the regular font drawn with an outline, for fonts that come in one weight. */
        final boolean strokedBold;
        private final CjkFont cjk;
        private final Map<Integer, Boolean> drawn = new HashMap<>();

        private Fonts(PDFont regular, PDFont bold, CjkFont cjk) {
            this.regular = regular;
            this.bold = bold;
            this.cjk = cjk;
            this.strokedBold = regular == bold;
        }

        static Fonts standard() {
            return new Fonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), null);
        }

        static Fonts unicode(PDDocument document, CjkFont cjk) throws IOException {
            // One embedded subset for both weights: the Chinese fonts Debian has come in one weight.
            PDFont font = PDType0Font.load(document, cjk.font(), true);
            return new Fonts(font, font, cjk);
        }

        /** Typographic spaces and minus signs as the plain characters every font has. */
        static String substitute(String text) {
            StringBuilder plain = new StringBuilder(text.length());
            text.codePoints().forEach(c -> {
                switch (c) {
                    case '\u00A0', '\u202F', '\u2009', '\u2007', '\t', '\n', '\r', '\u3000' -> plain.append(' ');
                    case '\u2212' -> plain.append('-');
                    default -> {
                        if (!Character.isISOControl(c)) {
                            plain.appendCodePoint(c);
                        }
                    }
                }
            });
            return plain.toString();
        }

        PDFont font(Face face) {
            return face == Face.BOLD ? bold : regular;
        }

        /** A bullet the font has. */
        String bullet() {
            return sets('\u2022') ? "\u2022" : sets('\u00B7') ? "\u00B7" : "-";
        }

        /**
         * Signs Helvetica lacks, written plainly: an arrow in a heading should not be what makes a document
         * embed a Chinese font.
         */
        static final Map<Integer, String> FALLBACKS = Map.of((int) '\u2192', "->", (int) '\u2190', "<-",
                (int) '\u2194', "<->", (int) '\u2264', "<=", (int) '\u2265', ">=", (int) '\u2260', "!=",
                (int) '\u2248', "~", (int) '\u2191', "^", (int) '\u2193', "v");

        /** The text with what the font cannot set written plainly, or as '?'. */
        String printable(String text) {
            String plain = substitute(text);
            StringBuilder printable = new StringBuilder(plain.length());
            plain.codePoints().forEach(c -> {
                if (sets(c)) {
                    printable.appendCodePoint(c);
                } else if (FALLBACKS.containsKey(c)) {
                    printable.append(FALLBACKS.get(c));
                } else {
                    printable.append('?');
                }
            });
            return printable.toString();
        }

        private boolean sets(int codePoint) {
            if (cjk == null) {
                return Standard.sets(codePoint);
            }
            return codePoint == ' ' || drawn.computeIfAbsent(codePoint, cjk::draws);
        }

        float width(String text, Face face, float size) throws IOException {
            return font(face).getStringWidth(printable(text)) / 1000 * size;
        }
    }

    /** Where the next line goes, page by page. */
    private static final class Layout {
        final PDDocument document;
        final Fonts fonts;
        PDPageContentStream out;
        float y;

        Layout(PDDocument document, Fonts fonts) {
            this.document = document;
            this.fonts = fonts;
        }

        PDPage newPage() throws IOException {
            PDPage page = new PDPage(SIZE);
            document.addPage(page);
            on(page);
            return page;
        }

        void on(PDPage page) throws IOException {
            close();
            out = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true);
            y = TOP;
        }

        void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }

        /** Starts a new page unless {@code height} fits above the bottom. */
        void need(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void space(float height) {
            y -= height;
        }

        void text(float x, float baseline, Face face, float size, String text, Color colour) throws IOException {
            String printable = fonts.printable(text);
            if (printable.isEmpty()) {
                return;
            }
            boolean stroked = fonts.strokedBold && face == Face.BOLD;
            out.beginText();
            out.setNonStrokingColor(colour);
            if (stroked) {
                out.setStrokingColor(colour);
                out.setLineWidth(size * 0.04f);
                out.setRenderingMode(RenderingMode.FILL_STROKE);
            }
            out.setFont(fonts.font(face), size);
            out.newLineAtOffset(x, baseline);
            out.showText(printable);
            if (stroked) {
                out.setRenderingMode(RenderingMode.FILL);
            }
            out.endText();
        }

        void rule(float at, float thickness) throws IOException {
            out.setStrokingColor(RULE);
            out.setLineWidth(thickness);
            out.moveTo(MARGIN, at);
            out.lineTo(MARGIN + WIDTH, at);
            out.stroke();
        }

        float width(String text, Face font, float size) throws IOException {
            return fonts.width(text, font, size);
        }

        /** Wrapped lines at the left margin, continuing on a new page when the page is full. */
        void paragraph(String text, Face font, float size, float leading, Color colour) throws IOException {
            for (String line : wrap(text, font, size, WIDTH)) {
                need(leading);
                text(MARGIN, y - size, font, size, line, colour);
                y -= leading;
            }
        }

        /** The text cut to the width, with an ellipsis when it was cut. */
        String fit(String text, Face font, float size, float width) throws IOException {
            String printable = fonts.printable(text);
            if (width(printable, font, size) <= width) {
                return printable;
            }
            String ellipsis = fonts.printable("\u2026");
            int end = printable.length();
            while (end > 0 && width(printable.substring(0, end) + ellipsis, font, size) > width) {
                end = printable.offsetByCodePoints(end, -1);
            }
            return printable.substring(0, end) + ellipsis;
        }

        /**
         * Lines of at most the width: broken at spaces, and between any two Chinese characters, which are
         * written without spaces.
         */
        List<String> wrap(String text, Face font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\\R")) {
                StringBuilder line = new StringBuilder();
                for (String token : tokens(fonts.printable(paragraph))) {
                    String candidate = line + token;
                    if (line.isEmpty() || width(candidate, font, size) <= width) {
                        line.append(line.isEmpty() ? token.stripLeading() : token);
                        continue;
                    }
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                    line.append(token.stripLeading());
                }
                // A token wider than the line (a long id) is cut by characters.
                String last = line.toString().stripTrailing();
                lines.add(last);
            }
            List<String> fitted = new ArrayList<>();
            for (String line : lines) {
                String rest = line;
                while (!rest.isEmpty() && width(rest, font, size) > width) {
                    int end = rest.length();
                    while (end > 1 && width(rest.substring(0, end), font, size) > width) {
                        end = rest.offsetByCodePoints(end, -1);
                    }
                    fitted.add(rest.substring(0, end));
                    rest = rest.substring(end);
                }
                fitted.add(rest);
            }
            return fitted;
        }

        private static List<String> tokens(String text) {
            List<String> tokens = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            text.codePoints().forEach(c -> {
                boolean wide = Character.isIdeographic(c) || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                        || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
                if (c == ' ' || wide) {
                    if (!word.isEmpty()) {
                        tokens.add(word.toString());
                        word.setLength(0);
                    }
                    // A space stays with the word after it, so that a broken line loses it.
                    if (c == ' ') {
                        word.append(' ');
                    } else {
                        tokens.add(new String(Character.toChars(c)));
                    }
                } else {
                    word.appendCodePoint(c);
                }
            });
            if (!word.isEmpty()) {
                tokens.add(word.toString());
            }
            return tokens;
        }
    }
}
