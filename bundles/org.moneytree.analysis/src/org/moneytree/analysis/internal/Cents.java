package org.moneytree.analysis.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money in cents ({@code long}), multiplied as {@code BigDecimal} would, without making one where it can. */
final class Cents {

    private static final long[] POWERS_OF_TEN = { 1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L, 1_000_000_000L };

    private Cents() {
    }

    /**
     * {@code cents} times {@code share}, in cents rounded half-even: as
     * {@code BigDecimal.valueOf(cents, 2).multiply(share)} rounded to the cent, in integers when they hold it.
     * Per customer with lines without cost of goods (most of them), the BigDecimal way was a large part of a
     * report's time under the C1 compiler that {@code analyze --direct} runs with.
     */
    static long share(long cents, BigDecimal share) {
        int scale = share.scale();
        if (scale >= 0 && scale <= 9 && share.precision() <= 10 && Math.abs(cents) < 1L << 31) {
            long unscaled = share.unscaledValue().longValue();
            long divisor = POWERS_OF_TEN[scale];
            long product = cents * unscaled; // below 2^31 * 10^10 < 2^63
            long quotient = product / divisor;
            long twice = Math.abs(product % divisor) * 2;
            if (twice > divisor || (twice == divisor && (quotient & 1) != 0)) {
                quotient += product < 0 ? -1 : 1;
            }
            return quotient;
        }
        return of(BigDecimal.valueOf(cents, 2).multiply(share));
    }

    /** An amount in cents, rounded half-even. */
    static long of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
    }
}
