package org.moneytree.report.views.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.report.KeyFigure;
import org.moneytree.api.report.ValueType;
import org.moneytree.api.report.ViewChart;
import org.moneytree.api.report.ViewTable;
import org.moneytree.api.tier.Tier;

/**
 * The texts of one answer, in the request's language: every label is given in English and Simplified Chinese where
 * it is used, and this picks one. Also makes the columns, figures and axes, which all carry a label.
 */
final class Texts {

    private final Locale locale;
    private final boolean chinese;

    Texts(Locale locale) {
        this.locale = locale;
        this.chinese = "zh".equals(locale.getLanguage());
    }

    Locale locale() {
        return locale;
    }

    /** Whether the answer is in Chinese, for the sentences whose English needs a singular or a plural. */
    boolean chinese() {
        return chinese;
    }

    /** The text in the request's language. */
    String of(String english, String chineseText) {
        return chinese ? chineseText : english;
    }

    /** The text in the request's language, with {@link String#format} arguments (numbers formatted neutrally). */
    String format(String english, String chineseText, Object... arguments) {
        return String.format(Locale.ROOT, of(english, chineseText), arguments);
    }

    String tier(Tier tier) {
        return tier.label(locale);
    }

    ViewTable.Column column(String id, String english, String chineseText, ValueType type) {
        return new ViewTable.Column(id, of(english, chineseText), type);
    }

    KeyFigure figure(String id, String english, String chineseText, ValueType type, Object value) {
        return new KeyFigure(id, of(english, chineseText), type, value);
    }

    ViewChart.Axis axis(String english, String chineseText, ValueType type) {
        return new ViewChart.Axis(of(english, chineseText), type);
    }

    /** A table row: unlike {@link java.util.List#of}, it takes {@code null} for an empty cell. */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** A share for a sentence: {@code 68.1%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** An amount for a sentence: {@code 1,290.30}. */
    static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    /**
     * A count with its noun for an English sentence, singular for one: {@code 1 lead customer}, {@code 23,570 lead
     * customers}. Chinese needs no plural and writes the count in its own sentences.
     */
    static String count(long count, String singular, String plural) {
        return count(count) + " " + (count == 1 ? singular : plural);
    }

    /** A count for a sentence: {@code 23,570}. */
    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
