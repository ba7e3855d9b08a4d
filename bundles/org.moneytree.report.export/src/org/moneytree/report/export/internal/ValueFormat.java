package org.moneytree.report.export.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

import org.moneytree.api.report.ValueType;
import org.moneytree.api.tier.Tier;

/**
 * How values of a view are written: raw for CSV (so that a spreadsheet or a program reads them as numbers,
 * whatever its language) and formatted for a reader in HTML and PDF.
 */
final class ValueFormat {

    private final Locale locale;

    ValueFormat(Locale locale) {
        this.locale = locale;
    }

    /**
     * The value as CSV holds it: money to the cent with a dot, shares as fractions, counts as digits, tiers as
     * their ids, texts as they are, and an empty field for none.
     */
    static String raw(ValueType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case MONEY -> ((BigDecimal) value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
            case SHARE, NUMBER, SCORE -> plain(value);
            case COUNT -> value.toString();
            default -> value.toString();
        };
    }

    // A double written with Double.toString reads back to the same double; toPlainString avoids the
    // exponent form ("1.0E-4") that some spreadsheet programs set up for other languages take as text.
    private static String plain(Object number) {
        if (number instanceof Double value) {
            if (value.isNaN() || value.isInfinite()) {
                return value.toString();
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
        return ((BigDecimal) number).stripTrailingZeros().toPlainString();
    }

    /** The value for a reader in this format's language: grouped money with two decimals, shares in %. */
    String format(ValueType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case MONEY -> money((BigDecimal) value);
            case SHARE -> share(((Number) value).doubleValue());
            case NUMBER -> decimals(((Number) value).doubleValue(), 0, 2);
            case SCORE -> decimals(((Number) value).doubleValue(), 1, 1);
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
            case TIER -> tier((String) value);
            default -> value.toString();
        };
    }

    String money(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }

    String share(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private String decimals(double value, int minimum, int maximum) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minimum);
        format.setMaximumFractionDigits(maximum);
        return format.format(value);
    }

    /** A tier's name in the language; an id that names no tier is shown as it is rather than failing. */
    String tier(String id) {
        try {
            return Tier.forId(id).label(locale);
        } catch (IllegalArgumentException e) {
            return id;
        }
    }

    /** Whether the type's values are numbers, aligned to the right. */
    static boolean numeric(ValueType type) {
        return switch (type) {
            case MONEY, SHARE, NUMBER, SCORE, COUNT -> true;
            default -> false;
        };
    }
}
