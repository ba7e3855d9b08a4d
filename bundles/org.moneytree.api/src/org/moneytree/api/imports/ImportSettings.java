package org.moneytree.api.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to read a file.
 *
 * @param encoding the file's character set, or {@code null} for UTF-8 (a byte order mark is skipped);
 *        GB18030 and GBK are the usual ones for Chinese exports
 * @param datePatterns the date forms to accept, tried in order ({@link java.time.format.DateTimeFormatter}
 *        patterns such as {@code yyyy-MM-dd}, {@code yyyyMMdd}, {@code d/M/yyyy})
 * @param decimalSeparator the decimal separator of amounts: '.' or ','; the other one and spaces may then
 *        group thousands
 * @param columns maps header names of the file to field names ({@code 客户编号 = customer_id}); a column
 *        mapped to {@code -} is ignored. Headers not in the map are matched to fields by name
 * @param ignoreUnknownColumns {@code true} to skip columns that match no field instead of refusing the file
 * @param loadValidRows {@code true} to store the good rows of a file with bad ones; by default a file with
 *        any bad row stores nothing
 * @param rejectsFile with {@code loadValidRows}, where to write the bad rows (CSV with the reason), or
 *        {@code null}
 */
public record ImportSettings(Charset encoding, List<String> datePatterns, char decimalSeparator,
        Map<String, String> columns, boolean ignoreUnknownColumns, boolean loadValidRows, Path rejectsFile) {

    /** ISO dates and {@code yyyymmdd}. */
    public static final List<String> DEFAULT_DATE_PATTERNS = List.of("yyyy-MM-dd", "yyyyMMdd");

    public ImportSettings {
        datePatterns = List.copyOf(datePatterns.isEmpty() ? DEFAULT_DATE_PATTERNS : datePatterns);
        columns = Map.copyOf(Objects.requireNonNull(columns, "columns"));
        if (decimalSeparator != '.' && decimalSeparator != ',') {
            throw new IllegalArgumentException("decimal separator must be '.' or ',', not '" + decimalSeparator + "'");
        }
    }

    /** UTF-8, ISO and {@code yyyymmdd} dates, '.' for decimals, columns by name, all or nothing. */
    public static ImportSettings defaults() {
        return new ImportSettings(null, DEFAULT_DATE_PATTERNS, '.', Map.of(), false, false, null);
    }

    /** The same settings, skipping columns that match no field. */
    public ImportSettings ignoringUnknownColumns() {
        return new ImportSettings(encoding, datePatterns, decimalSeparator, columns, true, loadValidRows, rejectsFile);
    }
}
