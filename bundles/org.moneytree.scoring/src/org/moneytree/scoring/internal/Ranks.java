package org.moneytree.scoring.internal;

import java.util.Arrays;

/** Percentile ranks, the scale most criteria use: robust against a few huge customers. */
final class Ranks {

    private Ranks() {
    }

    /**
     * The percentile rank of each key among the eligible ones, from 0 (lowest) to 1 (highest); ties share
     * their mean rank, a single eligible key gets 1, and ineligible keys get 0.
     */
    static double[] percentiles(double[] keys, boolean[] eligible) {
        int count = 0;
        for (boolean is : eligible) {
            count += is ? 1 : 0;
        }
        double[] sorted = new double[count];
        int next = 0;
        for (int index = 0; index < keys.length; index++) {
            if (eligible[index]) {
                sorted[next++] = keys[index];
            }
        }
        Arrays.sort(sorted);
        double[] values = new double[keys.length];
        for (int index = 0; index < keys.length; index++) {
            if (!eligible[index]) {
                continue;
            }
            if (count == 1) {
                values[index] = 1;
                continue;
            }
            int first = lowerBound(sorted, keys[index]);
            int last = upperBound(sorted, keys[index]) - 1;
            values[index] = (first + last) / 2.0 / (count - 1);
        }
        return values;
    }

    private static int lowerBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int upperBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
