package org.moneytree.clv.models;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct values of a column and, for every row, the index of its value. Likelihoods evaluate their costly
 * terms (logarithms, hypergeometric functions) once per distinct value or (frequency, value) pair instead of once
 * per row: a million customers' ages measured in days have a few hundred distinct values.
 */
final class DistinctValues {

    final double[] values;
    final int[] index;

    private DistinctValues(double[] values, int[] index) {
        this.values = values;
        this.index = index;
    }

    static DistinctValues of(double[] column) {
        double[] sorted = column.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        double[] values = Arrays.copyOf(sorted, distinct);
        int[] index = new int[column.length];
        for (int i = 0; i < column.length; i++) {
            index[i] = Arrays.binarySearch(values, column[i]);
        }
        return new DistinctValues(values, index);
    }

    /** The distinct (frequency, value) pairs: {@code pairs[k] = {frequency, value index}}, and each row's pair. */
    static final class Pairs {
        final int[] frequency;
        final int[] valueIndex;
        final int[] index;

        private Pairs(int[] frequency, int[] valueIndex, int[] index) {
            this.frequency = frequency;
            this.valueIndex = valueIndex;
            this.index = index;
        }

        static Pairs of(int[] frequency, DistinctValues values) {
            Map<Long, Integer> seen = new HashMap<>();
            int[] index = new int[frequency.length];
            int[] pairFrequency = new int[Math.max(16, frequency.length / 4)];
            int[] pairValue = new int[pairFrequency.length];
            for (int i = 0; i < frequency.length; i++) {
                long key = ((long) frequency[i] << 32) | values.index[i];
                Integer known = seen.get(key);
                if (known == null) {
                    known = seen.size();
                    seen.put(key, known);
                    if (known == pairFrequency.length) {
                        pairFrequency = Arrays.copyOf(pairFrequency, known * 2);
                        pairValue = Arrays.copyOf(pairValue, known * 2);
                    }
                    pairFrequency[known] = frequency[i];
                    pairValue[known] = values.index[i];
                }
                index[i] = known;
            }
            return new Pairs(Arrays.copyOf(pairFrequency, seen.size()), Arrays.copyOf(pairValue, seen.size()), index);
        }

        int size() {
            return frequency.length;
        }
    }
}
