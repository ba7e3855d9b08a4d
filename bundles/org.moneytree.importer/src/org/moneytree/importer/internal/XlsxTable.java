package org.moneytree.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One sheet of an Excel workbook (.xlsx) read as a table: a header row, then data rows as text, in the same
 * shape a CSV file gives, so that the importer can map and parse both the same way.
 *
 * <p>The sheet is streamed with fastexcel-reader (StAX over the ZIP entry), so memory does not grow with the
 * number of rows; it does grow with the number of distinct texts in the workbook's shared string table,
 * which Excel keeps in one part that the reader holds while the sheet is read.
 *
 * <p>Cells are rendered as text rather than handed over typed because the importer's parsing, error
 * messages and column mappings are written for text; rendering happens here, where the cell's type and
 * number format are still known: numbers become plain decimals (the number Excel shows, at Excel's 15
 * significant digits, without exponent), cells with a date format become ISO dates, formulas give their
 * cached result.
 */
final class XlsxTable implements AutoCloseable {

    /** A data row: {@code line} is the row number Excel shows, so that a problem points at the right row. */
    record XlsxRow(long line, List<String> cells) {
    }

    private static final byte[] ZIP_MAGIC = { 'P', 'K', 3, 4 };
    private static final byte[] OLE2_MAGIC = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
            (byte) 0xB1, 0x1A, (byte) 0xE1 };
    /** Excel shows (and computes with) 15 significant digits; more are binary floating-point noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final String file;
    private final String sheetName;
    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final CellText cellText;
    private final List<String> header;
    private long lastLine;

    private XlsxTable(String file, String sheetName, ReadableWorkbook workbook, Stream<Row> rows,
            CellText cellText) throws IOException {
        this.file = file;
        this.sheetName = sheetName;
        this.workbook = workbook;
        this.rows = rows;
        this.iterator = rows.iterator();
        this.cellText = cellText;
        List<String> first = null;
        Row row;
        while ((row = nextRow()) != null) {
            List<String> cells = render(row, row.getCellCount());
            if (!allEmpty(cells)) {
                first = cells;
                break;
            }
        }
        if (first == null) {
            throw new IOException(file + ": sheet '" + sheetName
                    + "' is empty; expected a header row naming the columns, then one row per record");
        }
        int width = first.size();
        while (width > 0 && first.get(width - 1).isEmpty()) {
            width--;
        }
        header = List.copyOf(first.subList(0, width));
    }

    /**
     * {@code true} for a file to read as a workbook: its name ends in {@code .xlsx}, or it starts like a ZIP
     * archive, as every .xlsx does whatever its name.
     */
    static boolean isWorkbook(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        }
    }

    /**
     * Opens {@code sheetName} ({@code null}: the first sheet) of the workbook {@code file} and reads its header.
     * Numbers are rendered with {@code decimalSeparator} as the decimal mark, so that the importer's number
     * parsing, configured with that separator, accepts them.
     *
     * @throws IOException with a message a user can act on when the file is not an .xlsx workbook (a CSV
     *         file or an old .xls renamed), is encrypted, has no such sheet, or the sheet is empty
     */
    static XlsxTable open(Path file, String sheetName, char decimalSeparator) throws IOException {
        String name = file.toString();
        checkSignature(file, name);
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new IOException(name + ": not an Excel .xlsx workbook, though it is a ZIP archive ("
                    + message(e) + "); save it from Excel or LibreOffice as 'Excel Workbook (.xlsx)'", e);
        }
        try {
            Sheet sheet = sheet(workbook, sheetName, name);
            CellText cellText = new CellText(workbook.isDate1904(), decimalSeparator);
            Stream<Row> rows;
            try {
                rows = sheet.openStream();
            } catch (IOException | RuntimeException e) {
                throw new IOException(name + ": cannot read sheet '" + sheet.getName() + "': " + message(e), e);
            }
            try {
                return new XlsxTable(name, sheet.getName(), workbook, rows, cellText);
            } catch (IOException | RuntimeException e) {
                rows.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            try {
                workbook.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The header row's cells, trimmed, up to its last non-empty cell. */
    List<String> header() {
        return header;
    }

    /**
     * The next row that has any content, with one cell per header column ({@code ""} where the row has none),
     * or {@code null} after the last. Cells right of the header's last column are not returned.
     */
    XlsxRow next() throws IOException {
        Row row;
        while ((row = nextRow()) != null) {
            if (hasContent(row)) {
                return new XlsxRow(row.getRowNum(), Collections.unmodifiableList(render(row, header.size())));
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
        } catch (RuntimeException e) {
            // closing the sheet's stream can only fail on the underlying ZIP, which the workbook closes next
        }
        workbook.close();
    }

    private Row nextRow() throws IOException {
        try {
            if (!iterator.hasNext()) {
                return null;
            }
            Row row = iterator.next();
            lastLine = row.getRowNum();
            return row;
        } catch (UncheckedIOException e) {
            throw new IOException(where() + ": cannot read the sheet: " + message(e.getCause()), e.getCause());
        } catch (RuntimeException e) {
            throw new IOException(where() + ": the sheet is damaged: " + message(e), e);
        }
    }

    private String where() {
        return file + ": sheet '" + sheetName + "'" + (lastLine > 0 ? ", after row " + lastLine : "");
    }

    private List<String> render(Row row, int width) throws IOException {
        List<String> cells = new ArrayList<>(width);
        for (int column = 0; column < width; column++) {
            Cell cell = column < row.getCellCount() ? row.getCell(column) : null;
            try {
                cells.add(cellText.of(cell));
            } catch (RuntimeException e) {
                throw new IOException(file + ": sheet '" + sheetName + "', cell " + cell.getAddress()
                        + ": unreadable value '" + cell.getRawValue() + "' (" + message(e) + ")", e);
            }
        }
        return cells;
    }

    /**
     * Whether any cell of the whole row, not only of the header's columns, has a value: a row with a value
     * only right of the table is still returned (with empty cells), so that it is reported rather than lost.
     */
    private static boolean hasContent(Row row) {
        for (Cell cell : row) {
            if (cell != null && cell.getValue() != null
                    && !(cell.getValue() instanceof String text && text.isBlank())) {
                return true;
            }
        }
        return false;
    }

    private static boolean allEmpty(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Sheet sheet(ReadableWorkbook workbook, String sheetName, String file) throws IOException {
        List<Sheet> sheets = workbook.getSheets().toList();
        if (sheets.isEmpty()) {
            throw new IOException(file + ": the workbook has no sheets");
        }
        if (sheetName == null) {
            return sheets.get(0);
        }
        Optional<Sheet> exact = sheets.stream().filter(sheet -> sheet.getName().equals(sheetName)).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        // Excel itself does not allow two sheet names that differ only in case, so this match is unique.
        Optional<Sheet> ignoringCase = sheets.stream()
                .filter(sheet -> sheet.getName().equalsIgnoreCase(sheetName.strip())).findFirst();
        if (ignoringCase.isPresent()) {
            return ignoringCase.get();
        }
        throw new IOException(file + ": there is no sheet named '" + sheetName + "'; the sheets are "
                + sheets.stream().map(sheet -> "'" + sheet.getName() + "'").collect(Collectors.joining(", ")));
    }

    /**
     * Tells the usual wrong files apart before the ZIP reader sees them, because its own errors ("invalid
     * central directory") would not tell a user what to do.
     */
    private static void checkSignature(Path file, String name) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new IOException(name + ": no such file", e);
        }
        if (read == 0) {
            throw new IOException(name + ": the file is empty, not an Excel .xlsx workbook");
        }
        if (startsWith(head, read, ZIP_MAGIC)) {
            return;
        }
        if (startsWith(head, read, OLE2_MAGIC)) {
            if (isEncryptedPackage(file)) {
                throw new IOException(name + ": the workbook is encrypted (password-protected); open it in Excel,"
                        + " remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it"
                        + " again, or save a copy without a password");
            }
            throw new IOException(name + ": an Excel 97-2003 workbook (.xls), which is not supported; open it in"
                    + " Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)', or as CSV");
        }
        throw new IOException(name + ": not an Excel .xlsx workbook (it is not a ZIP archive, as .xlsx files are;"
                + " a text or CSV file named .xlsx? then give it the name .csv)");
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An encrypted .xlsx is an OLE2 compound file that holds the encrypted package next to a stream named
     * "EncryptionInfo"; the compound file's directory stores names in UTF-16LE. An .xls has no such stream.
     */
    private static boolean isEncryptedPackage(Path file) throws IOException {
        byte[] needle = "EncryptionInfo".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] buffer = new byte[1 << 16];
        int kept = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
                int end = kept + read;
                if (indexOf(buffer, end, needle) >= 0) {
                    return true;
                }
                kept = Math.min(needle.length - 1, end);
                System.arraycopy(buffer, end - kept, buffer, 0, kept);
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, int length, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** Renders one cell as the importer expects its text; see the class comment. */
    static final class CellText {

        private final boolean date1904;
        private final char decimalSeparator;
        private final DateFormats dateFormats = new DateFormats();

        CellText(boolean date1904, char decimalSeparator) {
            this.date1904 = date1904;
            this.decimalSeparator = decimalSeparator;
        }

        String of(Cell cell) {
            if (cell == null) {
                return "";
            }
            Object value = cell.getValue();
            return switch (cell.getType()) {
                case EMPTY -> "";
                case STRING, ERROR -> value == null ? "" : value.toString().strip();
                case BOOLEAN -> String.valueOf(value);
                case NUMBER -> number(cell, (BigDecimal) value);
                case FORMULA -> value == null ? ""
                        : value instanceof BigDecimal number ? number(cell, number) : value.toString().strip();
            };
        }

        private String number(Cell cell, BigDecimal value) {
            if (value == null) {
                return "";
            }
            if (dateFormats.isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
                return ExcelDates.isoDate(value, date1904);
            }
            String plain = value.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
            return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
        }
    }
}
