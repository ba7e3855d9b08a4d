package org.moneytree.report.views.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.moneytree.api.tier.StoredTier;

/**
 * Money in cents and back. Views sum and rank amounts of up to a million customers, which is fast and exact in
 * {@code long} cents; values handed to the model are {@link BigDecimal}s to the cent again.
 */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    static long cents(BigDecimal amount) {
        // amounts come to the cent; moving the point keeps them compact, where unscaledValue() makes a BigInteger
        BigDecimal cents = amount.scale() == 2 ? amount : amount.setScale(2, RoundingMode.HALF_EVEN);
        return cents.scaleByPowerOfTen(2).longValueExact();
    }

    /** {@code part} as a fraction of {@code whole}; {@code null} when the whole is not positive (no share to speak of). */
    static Double share(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    /** The stored revenue of every customer, in the tiers' order, in cents. */
    static long[] revenue(List<StoredTier> tiers) {
        long[] cents = new long[tiers.size()];
        for (int index = 0; index < cents.length; index++) {
            cents[index] = cents(tiers.get(index).revenue());
        }
        return cents;
    }

    /** The stored net profit of every customer, in the tiers' order, in cents. */
    static long[] netProfit(List<StoredTier> tiers) {
        long[] cents = new long[tiers.size()];
        for (int index = 0; index < cents.length; index++) {
            cents[index] = cents(tiers.get(index).netProfit());
        }
        return cents;
    }

    /** A customer's stored tier in a list sorted by customer id, or {@code null}. */
    static StoredTier find(List<StoredTier> tiers, String customerId) {
        int low = 0;
        int high = tiers.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = tiers.get(middle).customerId().compareTo(customerId);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return tiers.get(middle);
            }
        }
        return null;
    }
}
