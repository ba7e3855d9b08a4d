package org.moneytree.importer.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether an Excel number format shows a date. Excel stores a date as a plain number (days since 1900) and
 * only its cell's number format says it is a date, so this decides between "2024-03-01" and "45352".
 */
final class DateFormats {

    /** A workbook uses few formats but many cells, so each format is classified once. */
    private final Map<String, Boolean> byFormat = new HashMap<>();

    boolean isDate(Integer formatId, String format) {
        if (formatId != null && isBuiltInDate(formatId)) {
            return true;
        }
        if (format == null || format.isEmpty()) {
            return false;
        }
        return byFormat.computeIfAbsent(format, DateFormats::showsDate);
    }

    /**
     * Built-in formats that workbooks reference by number only: 14 to 22 and 45 to 47 everywhere, and 27 to 36
     * and 50 to 58, which are the East Asian date formats (yyyy"年"m"月"d"日" and the like) of Chinese,
     * Japanese and Korean Excel.
     */
    private static boolean isBuiltInDate(int id) {
        return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58;
    }

    /**
     * Looks at the format's first section (the one for positive numbers) without its literal text ("..." and
     * \x), colours, conditions and locale tags ([Red], [$-804]); what is left shows a date or time if it has
     * one of the letters y, m, d, h, s or the era letters e, g. Elapsed-time formats ([h]:mm) are durations,
     * not dates.
     */
    static boolean showsDate(String format) {
        boolean quoted = false;
        boolean bracket = false;
        StringBuilder bracketText = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
                continue;
            }
            if (bracket) {
                if (c == ']') {
                    bracket = false;
                    String tag = bracketText.toString().toLowerCase(java.util.Locale.ROOT);
                    if (!tag.isEmpty() && tag.chars().allMatch(ch -> ch == 'h' || ch == 'm' || ch == 's')) {
                        return false;
                    }
                } else {
                    bracketText.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    bracket = true;
                    bracketText.setLength(0);
                }
                case ';' -> {
                    return false;
                }
                case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S', 'e', 'g', 'G' -> {
                    return !isGeneral(format, i);
                }
                default -> {
                    // digits, separators and other literals do not decide
                }
            }
        }
        return false;
    }

    /** "General" (any case) contains the letter e; it is the default, numeric format. */
    private static boolean isGeneral(String format, int at) {
        return format.regionMatches(true, at, "General", 0, 7)
                || at > 0 && format.regionMatches(true, at - 1, "General", 0, 7);
    }
}
