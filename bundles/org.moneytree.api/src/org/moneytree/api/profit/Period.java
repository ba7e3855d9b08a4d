package org.moneytree.api.profit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One analysis period: a calendar month, quarter or year. Its id is how people and files name it
 * ({@code 2024-07}, {@code 2024-Q3}, {@code 2024}); periods of one length sort in time order.
 *
 * @param length month, quarter or year
 * @param start the first day of the period (the first of a month, quarter or year)
 */
public record Period(PeriodLength length, LocalDate start) implements Comparable<Period> {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    public Period {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(start, "start");
        boolean first = start.getDayOfMonth() == 1 && switch (length) {
            case MONTH -> true;
            case QUARTER -> (start.getMonthValue() - 1) % 3 == 0;
            case YEAR -> start.getMonthValue() == 1;
        };
        if (!first) {
            throw new IllegalArgumentException(start + " is not the first day of a " + length.id());
        }
    }

    /** The period of the given length that contains {@code day}. */
    public static Period containing(PeriodLength length, LocalDate day) {
        LocalDate first = switch (length) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
        };
        return new Period(length, first);
    }

    /**
     * Reads a period id: {@code 2024} (a year), {@code 2024-Q3} (a quarter) or {@code 2024-07} (a month).
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Period parse(String id) {
        String text = id.strip();
        Matcher matcher;
        if ((matcher = YEAR.matcher(text)).matches()) {
            return new Period(PeriodLength.YEAR, LocalDate.of(Integer.parseInt(matcher.group(1)), 1, 1));
        }
        if ((matcher = QUARTER.matcher(text)).matches()) {
            int quarter = Integer.parseInt(matcher.group(2));
            return new Period(PeriodLength.QUARTER,
                    LocalDate.of(Integer.parseInt(matcher.group(1)), (quarter - 1) * 3 + 1, 1));
        }
        if ((matcher = MONTH.matcher(text)).matches()) {
            try {
                return new Period(PeriodLength.MONTH, YearMonth.parse(text).atDay(1));
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a period; expected a year (2024), a quarter"
                + " (2024-Q3) or a month (2024-07)");
    }

    /** The day after the period's last day. */
    public LocalDate end() {
        return switch (length) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** The period's last day. */
    public LocalDate lastDay() {
        return end().minusDays(1);
    }

    /** Whether {@code day} falls in the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end());
    }

    /** The period of the same length just before this one. */
    public Period previous() {
        return containing(length, start.minusDays(1));
    }

    /** The period of the same length just after this one. */
    public Period next() {
        return new Period(length, end());
    }

    /** How people and files name the period: {@code 2024}, {@code 2024-Q3} or {@code 2024-07}. */
    public String id() {
        return switch (length) {
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    @Override
    public int compareTo(Period other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : length.compareTo(other.length);
    }

    @Override
    public String toString() {
        return id();
    }
}
