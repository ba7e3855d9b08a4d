package org.moneytree.api.exports;

/** The file formats an export writes. */
public enum ExportFormat {
    /** Comma-separated values with a header line, amounts with '.' as decimal mark, dates as ISO. */
    CSV,
    /** An Excel workbook with one sheet, a header row, numbers as numbers and dates as dates. */
    XLSX;

    /** The format a file name's extension suggests: XLSX for {@code .xlsx}, CSV otherwise. */
    public static ExportFormat forFileName(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? XLSX : CSV;
    }
}
