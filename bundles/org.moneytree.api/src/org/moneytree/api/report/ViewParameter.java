package org.moneytree.api.report;

import java.util.Locale;
import java.util.Objects;

/**
 * A parameter a {@link ReportView} takes, besides the dataset that every view gets.
 *
 * @param id the name used in requests and URLs, for example {@code period}
 * @param kind what the value is; the console offers a matching choice (the dataset's periods, the tiers...)
 * @param required whether the view needs a value; an optional one is left out of the request when not given
 * @param english the label in English
 * @param chinese the label in Simplified Chinese
 */
public record ViewParameter(String id, Kind kind, boolean required, String english, String chinese) {

    /** The kinds of values, each checked by the caller before {@link ReportView#render} sees it. */
    public enum Kind {
        /** A period id as {@link org.moneytree.api.profit.Period#parse} reads it: {@code 2024}, {@code 2024-Q3}, {@code 2024-07}. */
        PERIOD,
        /** A tier id: {@code platinum}, {@code gold}, {@code iron}, {@code lead}. */
        TIER,
        /** A customer id of the dataset. */
        CUSTOMER,
        /** A whole number. */
        INTEGER,
        /** Any text. */
        TEXT
    }

    public ViewParameter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(english, "english");
        Objects.requireNonNull(chinese, "chinese");
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a parameter id is lower case letters, digits and _: " + id);
        }
    }

    /** The label in the given language. */
    public String label(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? chinese : english;
    }
}
