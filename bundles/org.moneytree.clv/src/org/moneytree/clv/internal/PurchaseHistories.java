package org.moneytree.clv.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.moneytree.api.clv.LifetimeException;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;

/**
 * Reads a dataset's purchases once into every customer's calibration summary, with the conventions of Fader,
 * Hardie and Lee (2005): the lines of one customer and day are one transaction worth their net revenue, the first
 * transaction is not a repeat purchase and starts the customer's clock. A day with only returns (negative
 * revenue) is no transaction; a free purchase (revenue 0) is one, as in the CDNOW data the published estimates
 * rest on. Customers whose first transaction falls on the last day of calibration or later are left
 * out: they have no history to calibrate on.
 */
final class PurchaseHistories {

    /** One customer's purchase days as they arrive, in any order; merged and sorted at the end. */
    private static final class Days {
        int[] day = new int[4];
        long[] cents = new long[4];
        /** Whether the day has a line that is not a return. */
        boolean[] bought = new boolean[4];
        int size;

        void add(int epochDay, long amount) {
            if (size > 0 && day[size - 1] == epochDay) {
                cents[size - 1] += amount;
                bought[size - 1] |= amount >= 0;
                return;
            }
            if (size == day.length) {
                day = Arrays.copyOf(day, size * 2);
                cents = Arrays.copyOf(cents, size * 2);
                bought = Arrays.copyOf(bought, size * 2);
            }
            day[size] = epochDay;
            cents[size] = amount;
            bought[size] = amount >= 0;
            size++;
        }

        /** Sorts by day and merges days, keeping those with a purchase; returns how many remain. */
        int transactions() {
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = ((long) day[i] << 32) | i;
            }
            Arrays.sort(order);
            int[] days = new int[size];
            long[] values = new long[size];
            boolean[] purchase = new boolean[size];
            int n = 0;
            for (long key : order) {
                int d = (int) (key >>> 32);
                long value = cents[(int) key];
                if (n > 0 && days[n - 1] == d) {
                    values[n - 1] += value;
                    purchase[n - 1] |= bought[(int) key];
                } else {
                    days[n] = d;
                    values[n] = value;
                    purchase[n] = bought[(int) key];
                    n++;
                }
            }
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (purchase[i]) {
                    days[kept] = days[i];
                    values[kept] = values[i];
                    kept++;
                }
            }
            day = days;
            cents = values;
            size = kept;
            return kept;
        }
    }

    private PurchaseHistories() {
    }

    static CalibrationData read(PurchaseStore store, String dataset, LocalDate calibrationEnd, LocalDate holdoutEnd,
            double unitDays) {
        Map<String, Days> customers = new HashMap<>();
        int[] lastDay = { Integer.MIN_VALUE };
        store.forEachPurchase(dataset, purchase -> {
            int day = (int) purchase.date().toEpochDay();
            customers.computeIfAbsent(purchase.customerId(), id -> new Days()).add(day, cents(purchase));
            lastDay[0] = Math.max(lastDay[0], day);
        });
        if (customers.isEmpty()) {
            throw new LifetimeException("dataset '" + dataset + "' has no stored purchases: import a purchase file first"
                    + " (moneytree import FILE --dataset " + dataset + ")");
        }
        int end = calibrationEnd != null ? (int) calibrationEnd.toEpochDay() : lastDay[0];
        int holdout = holdoutEnd != null ? (int) holdoutEnd.toEpochDay() : lastDay[0] > end ? lastDay[0] : -1;
        if (holdout != -1 && holdout <= end) {
            holdout = -1;
        }
        int lastCounted = holdout == -1 ? end : holdout;
        String[] ids = customers.keySet().toArray(String[]::new);
        Arrays.sort(ids);
        int n = 0;
        int[] frequency = new int[ids.length];
        int[] recency = new int[ids.length];
        int[] age = new int[ids.length];
        long[] value = new long[ids.length];
        int[] holdoutPurchases = new int[ids.length];
        int[] firstDay = new int[ids.length];
        String[] kept = new String[ids.length];
        int start = Integer.MAX_VALUE;
        for (String id : ids) {
            Days days = customers.get(id);
            if (days.transactions() == 0 || days.day[0] >= end) {
                continue;
            }
            int first = days.day[0];
            int x = 0;
            int last = first;
            long repeatValue = 0;
            int inHoldout = 0;
            for (int i = 1; i < days.size; i++) {
                int d = days.day[i];
                if (d <= end) {
                    x++;
                    last = d;
                    repeatValue += days.cents[i];
                } else if (d <= lastCounted) {
                    inHoldout++;
                }
            }
            kept[n] = id;
            frequency[n] = x;
            recency[n] = x == 0 ? 0 : last - first;
            age[n] = end - first;
            value[n] = repeatValue;
            holdoutPurchases[n] = holdout == -1 ? -1 : inHoldout;
            firstDay[n] = first;
            start = Math.min(start, first);
            n++;
        }
        if (n == 0) {
            throw new LifetimeException("no customer of dataset '" + dataset + "' made a purchase before "
                    + LocalDate.ofEpochDay(end) + ": choose a later calibration end");
        }
        int units = (int) Math.ceil((lastCounted - start + 1) / unitDays);
        long[] repeatsPerUnit = new long[units];
        for (int i = 0; i < n; i++) {
            Days days = customers.get(kept[i]);
            for (int j = 1; j < days.size; j++) {
                int d = days.day[j];
                if (d <= lastCounted) {
                    repeatsPerUnit[Math.min(units - 1, (int) ((d - start) / unitDays))]++;
                }
            }
        }
        return new CalibrationData(CalibrationData.Kind.PURCHASES, start, end, holdout, Arrays.copyOf(kept, n),
                Arrays.copyOf(frequency, n), Arrays.copyOf(recency, n), Arrays.copyOf(age, n), new boolean[n],
                Arrays.copyOf(value, n), Arrays.copyOf(holdoutPurchases, n), new long[n], new long[n], repeatsPerUnit);
    }

    private static long cents(Purchase purchase) {
        return purchase.revenue().setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
    }

    /** Cents as money. */
    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
