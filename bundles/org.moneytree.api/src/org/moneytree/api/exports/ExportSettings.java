package org.moneytree.api.exports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to write an export.
 *
 * @param format the file format
 * @param encoding the character set of a CSV file: UTF-8 by default, GB18030 for spreadsheet programs set up
 *        for Chinese
 * @param byteOrderMark {@code true} to start a UTF-8 CSV file with a byte order mark, which spreadsheet
 *        programs need to recognise UTF-8
 */
public record ExportSettings(ExportFormat format, Charset encoding, boolean byteOrderMark) {

    public ExportSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoding, "encoding");
    }

    /** CSV in UTF-8 without a byte order mark. */
    public static ExportSettings csv() {
        return new ExportSettings(ExportFormat.CSV, StandardCharsets.UTF_8, false);
    }
}
