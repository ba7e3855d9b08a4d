package org.moneytree.desktop.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.Locale;

import org.moneytree.api.report.ValueType;
import org.moneytree.api.tier.Tier;

/**
 * How the desktop client shows and orders the values of a view model, by their {@link ValueType}: money grouped
 * with two decimals, shares as percentages, tiers by their name in the reader's language (铂金, 黄金...), none as an
 * empty text. Sorting compares the raw values (a number as a number, a tier by its rank), never the texts.
 */
public final class Formats {

    private Formats() {
    }

    /** The value as the reader sees it. */
    public static String format(ValueType type, Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        switch (type) {
            case MONEY: {
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMinimumFractionDigits(2);
                format.setMaximumFractionDigits(2);
                return format.format((BigDecimal) value);
            }
            case COUNT:
                return NumberFormat.getIntegerInstance(locale).format(((Number) value).longValue());
            case SHARE: {
                NumberFormat format = NumberFormat.getPercentInstance(locale);
                format.setMinimumFractionDigits(1);
                format.setMaximumFractionDigits(1);
                return format.format(((Number) value).doubleValue());
            }
            case SCORE: {
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMinimumFractionDigits(1);
                format.setMaximumFractionDigits(1);
                return format.format(((Number) value).doubleValue());
            }
            case NUMBER: {
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMaximumFractionDigits(3);
                return format.format(((Number) value).doubleValue());
            }
            case TIER:
                try {
                    return Tier.forId(value.toString()).label(locale);
                } catch (IllegalArgumentException e) {
                    return value.toString();
                }
            default:
                return value.toString();
        }
    }

    /** Whether a column of the type is right-aligned (numbers). */
    public static boolean numeric(ValueType type) {
        return switch (type) {
            case MONEY, COUNT, SHARE, SCORE, NUMBER -> true;
            default -> false;
        };
    }

    /** Orders values of the type by what they are; none comes last. */
    public static Comparator<Object> order(ValueType type) {
        Comparator<Object> present = switch (type) {
            case MONEY -> Comparator.comparing(value -> (BigDecimal) value);
            case COUNT, SHARE, SCORE, NUMBER -> Comparator.comparingDouble(value -> ((Number) value).doubleValue());
            case TIER -> Comparator.comparingInt(Formats::tierRank);
            default -> Comparator.comparing(Object::toString, String.CASE_INSENSITIVE_ORDER);
        };
        return Comparator.nullsLast(present);
    }

    private static int tierRank(Object value) {
        try {
            return Tier.forId(value.toString()).ordinal();
        } catch (IllegalArgumentException e) {
            return Tier.values().length;
        }
    }
}
