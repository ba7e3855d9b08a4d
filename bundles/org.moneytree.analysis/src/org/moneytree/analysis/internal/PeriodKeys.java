package org.moneytree.analysis.internal;

import java.time.LocalDate;

import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;

/**
 * Days, months and periods as plain {@code int}s, so that a scan makes no {@link LocalDate} per line: an
 * epoch day (as {@link LocalDate#toEpochDay()}), a month number {@code year * 12 + month - 1}, and a period
 * key that numbers the periods of one length in time order (the year; {@code year * 4 + quarter - 1};
 * the month number).
 */
final class PeriodKeys {

    private PeriodKeys() {
    }

    /** Whether year, month and day make a date of the proleptic Gregorian calendar (years 0 to 9999). */
    static boolean valid(int year, int month, int day) {
        return year >= 0 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    }

    static int daysInMonth(int year, int month) {
        if (month == 2) {
            return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return 30 + ((month + (month >>> 3)) & 1);
    }

    /** The epoch day of a valid date (days from civil, after Howard Hinnant's algorithm). */
    static int epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    static int month(int year, int month) {
        return year * 12 + month - 1;
    }

    static int month(LocalDate day) {
        return month(day.getYear(), day.getMonthValue());
    }

    /**
     * The month number of an epoch day of the years 0 to 9999 (civil from days, after Howard Hinnant's
     * algorithm, with years counted from March, so that the leap day is a year's last).
     */
    static int monthOfDay(int epochDay) {
        int fromMarch = epochDay + 719_468; // days since 0000-03-01
        int era = Math.floorDiv(fromMarch, 146_097);
        int dayOfEra = fromMarch - era * 146_097;
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        // March of year y is month y * 12 + 2, and January and February are those of the year after
        return (era * 400 + yearOfEra) * 12 + monthFromMarch + 2;
    }

    /**
     * The month numbers of a range of days, looked up rather than worked out for each of millions of lines;
     * days outside the range (at most {@value #DAYS} days of it, nearly 180 years) are worked out.
     */
    static final class DayMonths {

        static final int DAYS = 1 << 16;

        private final int firstDay;
        private final int[] months;

        /** @param firstDay the first day of the range; {@code lastDay} its last (none when before the first) */
        DayMonths(int firstDay, int lastDay) {
            this.firstDay = firstDay;
            months = new int[(int) Math.max(0, Math.min(DAYS, (long) lastDay - firstDay + 1))];
            for (int i = 0; i < months.length; i++) {
                months[i] = monthOfDay(firstDay + i);
            }
        }

        int month(int day) {
            int i = day - firstDay;
            return i >= 0 && i < months.length ? months[i] : monthOfDay(day);
        }
    }

    static int key(PeriodLength length, int year, int month) {
        return switch (length) {
            case YEAR -> year;
            case QUARTER -> year * 4 + (month - 1) / 3;
            case MONTH -> year * 12 + month - 1;
        };
    }

    /** The key of the period of the given length that holds a month ({@code year * 12 + month - 1}). */
    static int keyOfMonth(PeriodLength length, int month) {
        return switch (length) {
            case YEAR -> Math.floorDiv(month, 12);
            case QUARTER -> Math.floorDiv(month, 3);
            case MONTH -> month;
        };
    }

    static Period period(PeriodLength length, int key) {
        return new Period(length, switch (length) {
            case YEAR -> LocalDate.of(key, 1, 1);
            case QUARTER -> LocalDate.of(Math.floorDiv(key, 4), Math.floorMod(key, 4) * 3 + 1, 1);
            case MONTH -> LocalDate.of(Math.floorDiv(key, 12), Math.floorMod(key, 12) + 1, 1);
        });
    }

    static int key(Period period) {
        return key(period.length(), period.start().getYear(), period.start().getMonthValue());
    }
}
