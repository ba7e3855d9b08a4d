package org.moneytree.cli.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Numbers on the terminal: money with two decimals and thousands separators, shares as percentages. */
final class Formats {

    private Formats() {
    }

    static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }

    static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(value);
    }

    /** A fraction as a percentage with one decimal: 0.6812 becomes 68.1%. */
    static String percent(BigDecimal share) {
        return share == null ? "-" : share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0.0%" : percent((double) part / whole);
    }

    static String score(double score) {
        return fixed(score, 1);
    }

    /**
     * A number with a fixed count of decimals (up to 6), rounded half-up, without String.format: the CSV of a
     * million customers has millions of these, and String.format took seconds.
     */
    static String fixed(double value, int decimals) {
        long scale = POWERS[decimals];
        long scaled = Math.round(Math.abs(value) * scale);
        StringBuilder text = new StringBuilder(12);
        if (value < 0 && scaled != 0) {
            text.append('-');
        }
        text.append(scaled / scale);
        if (decimals > 0) {
            String fraction = Long.toString(scaled % scale);
            text.append('.');
            for (int pad = fraction.length(); pad < decimals; pad++) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text.toString();
    }

    private static final long[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };
}
