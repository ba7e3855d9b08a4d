package org.moneytree.api.profit;

import java.util.Locale;

/** How long an analysis period is: calendar months, quarters or years. */
public enum PeriodLength {
    /** A calendar month, written {@code 2024-07}. */
    MONTH("month", "月"),
    /** A calendar quarter, written {@code 2024-Q3}. */
    QUARTER("quarter", "季度"),
    /** A calendar year, written {@code 2024}. */
    YEAR("year", "年");

    private final String english;
    private final String chinese;

    PeriodLength(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The lower-case English name, as used on the command line and in files. */
    public String id() {
        return english;
    }

    /** The name in the given language: Simplified Chinese for {@code zh}, English otherwise. */
    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : english;
    }

    /**
     * The length with the given id, case-insensitively.
     *
     * @throws IllegalArgumentException naming the allowed ids when there is none
     */
    public static PeriodLength forId(String id) {
        for (PeriodLength length : values()) {
            if (length.english.equalsIgnoreCase(id.strip())) {
                return length;
            }
        }
        throw new IllegalArgumentException("unknown period length '" + id + "'; expected month, quarter or year");
    }
}
