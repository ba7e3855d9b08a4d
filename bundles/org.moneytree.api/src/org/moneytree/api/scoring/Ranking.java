package org.moneytree.api.scoring;

/**
 * Ranks customers by a number, fast enough for a million of them: for criteria that score by percentile and
 * tier schemes that cut a ranking. Both methods are stable (equal keys keep their order, which in a
 * {@link org.moneytree.api.profit.ProfitReport} is by customer id) and take a few tens of milliseconds for a
 * million keys: a radix sort of the keys' bits, without boxing and without the cache misses of binary
 * searches.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * The positions of {@code keys} from the smallest key to the largest; equal keys keep their order.
     *
     * @throws IllegalArgumentException when a key is NaN
     */
    public static int[] ascending(double[] keys) {
        int count = keys.length;
        long[] bits = new long[count];
        for (int index = 0; index < count; index++) {
            if (Double.isNaN(keys[index])) {
                throw new IllegalArgumentException("key #" + index + " is NaN");
            }
            long raw = Double.doubleToLongBits(keys[index] == 0 ? 0.0 : keys[index]);
            // negative numbers sort in reverse bit order: flip them all; positive ones: flip the sign bit
            bits[index] = raw < 0 ? ~raw : raw ^ Long.MIN_VALUE;
        }
        int[] order = new int[count];
        int[] buffer = new int[count];
        long[] bitsBuffer = new long[count];
        for (int index = 0; index < count; index++) {
            order[index] = index;
        }
        int[] counts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(counts, 0);
            for (int index = 0; index < count; index++) {
                counts[(int) (bits[index] >>> shift) & 0xFFFF]++;
            }
            int total = 0;
            for (int digit = 0; digit < counts.length; digit++) {
                int here = counts[digit];
                counts[digit] = total;
                total += here;
            }
            for (int index = 0; index < count; index++) {
                int target = counts[(int) (bits[index] >>> shift) & 0xFFFF]++;
                buffer[target] = order[index];
                bitsBuffer[target] = bits[index];
            }
            int[] swapOrder = order;
            order = buffer;
            buffer = swapOrder;
            long[] swapBits = bits;
            bits = bitsBuffer;
            bitsBuffer = swapBits;
        }
        return order;
    }

    /**
     * The percentile rank of each eligible key among the eligible keys, from 0 (the lowest) to 1 (the highest);
     * equal keys share their mean rank, a single eligible key gets 1, and ineligible keys get 0.
     */
    public static double[] percentiles(double[] keys, boolean[] eligible) {
        int[] order = ascending(keys);
        int eligibleCount = 0;
        for (boolean is : eligible) {
            eligibleCount += is ? 1 : 0;
        }
        double[] values = new double[keys.length];
        int rank = 0;
        int position = 0;
        while (position < order.length) {
            if (!eligible[order[position]]) {
                position++;
                continue;
            }
            // a run of equal eligible keys: they share the mean of their ranks
            int end = position;
            int runLength = 0;
            while (end < order.length && (!eligible[order[end]] || keys[order[end]] == keys[order[position]])) {
                runLength += eligible[order[end]] ? 1 : 0;
                end++;
            }
            double value = eligibleCount == 1 ? 1 : (rank + (runLength - 1) / 2.0) / (eligibleCount - 1);
            for (int index = position; index < end; index++) {
                if (eligible[order[index]]) {
                    values[order[index]] = value;
                }
            }
            rank += runLength;
            position = end;
        }
        return values;
    }
}
