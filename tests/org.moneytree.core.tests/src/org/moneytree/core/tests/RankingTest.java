package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.moneytree.api.scoring.Ranking;

/** The radix ranking of the scoring API against hand-computed cases and a plain sort (pure logic). */
class RankingTest {

    @Test
    void ascendingIsStableAndOrdersNegativeNumbersAndZeros() {
        double[] keys = { 3, -1.5, 0.0, -0.0, 3, -200, 7.25, Double.MAX_VALUE, -Double.MAX_VALUE };
        // ties (3 at 0 and 4; 0.0 and -0.0 at 2 and 3) keep their order
        assertArrayEquals(new int[] { 8, 5, 1, 2, 3, 0, 4, 6, 7 }, Ranking.ascending(keys));
        assertThrows(IllegalArgumentException.class, () -> Ranking.ascending(new double[] { 1, Double.NaN }));
    }

    @Test
    void ascendingAgreesWithAStableSortOnRandomKeys() {
        Random random = new Random(42);
        double[] keys = new double[100_000];
        for (int index = 0; index < keys.length; index++) {
            // few distinct values, so that there are many ties, of both signs
            keys[index] = (random.nextInt(2001) - 1000) / 4.0;
        }
        int[] expected = IntStream.range(0, keys.length).boxed()
                .sorted(Comparator.comparingDouble(index -> keys[index])).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, Ranking.ascending(keys));
    }

    @Test
    void percentilesShareTiesAndSkipIneligibleKeys() {
        double[] keys = { 10, 5, 5, -3, 20, 0 };
        boolean[] eligible = { true, true, true, false, true, false };
        // eligible, ascending: 5, 5 (ranks 0 and 1, mean 0.5), 10 (rank 2), 20 (rank 3); divided by 3
        assertArrayEquals(new double[] { 2 / 3.0, 0.5 / 3, 0.5 / 3, 0, 1, 0 }, Ranking.percentiles(keys, eligible), 1e-12);
        assertArrayEquals(new double[] { 1 }, Ranking.percentiles(new double[] { 4 }, new boolean[] { true }));
        assertArrayEquals(new double[0], Ranking.percentiles(new double[0], new boolean[0]));
        double[] none = Ranking.percentiles(new double[] { 1, 2 }, new boolean[2]);
        assertArrayEquals(new double[2], none, Arrays.toString(none));
    }
}
