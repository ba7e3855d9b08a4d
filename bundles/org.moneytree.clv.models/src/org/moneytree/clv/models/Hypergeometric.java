package org.moneytree.clv.models;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, the one special function the BG/NBD and
 * Pareto/NBD expressions need and that neither the JDK nor Hipparchus provides. The plain power series
 * converges slowly or overflows when a + b exceeds c and a customer has many purchases (terms first grow
 * like z·x before they shrink), so the series is summed after Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) whenever that makes its terms smaller.
 */
public final class Hypergeometric {

    /** Enough for z up to 0.9999 at full double precision; beyond it the caller gets an exception. */
    private static final int MAX_TERMS = 500_000;

    private Hypergeometric() {
    }

    /** ₂F₁(a, b; c; z) for 0 ≤ z < 1 (and c not 0 or a negative integer). */
    public static double f21(double a, double b, double c, double z) {
        return Math.exp(logF21(a, b, c, z));
    }

    /**
     * The natural logarithm of ₂F₁(a, b; c; z) for 0 ≤ z < 1, computed without overflow for large a and b when
     * a, b, c > 0 (where the function is positive).
     *
     * @throws ArithmeticException when the series does not converge or, for other parameters, is not positive
     */
    public static double logF21(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1) || Double.isNaN(a + b + c)) {
            throw new IllegalArgumentException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") needs 0 <= z < 1");
        }
        if (z == 0) {
            return 0;
        }
        if (!(a > 0 && b > 0 && c > 0)) {
            // Terms may change sign here; the plain sum is exact enough for the moderate parameters that reach
            // this branch (a BG/NBD with a + b < 1), and a non-positive result is refused, not logged.
            double sum = signedSeries(a, b, c, z);
            if (!(sum > 0)) {
                throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") = " + sum
                        + " is not positive");
            }
            return Math.log(sum);
        }
        double ta = c - a;
        double tb = c - b;
        // Euler's transformation pays when it makes the leading term ratio a·b/c smaller and keeps the
        // parameters positive, so all terms stay positive (no cancellation).
        if (ta > 0 && tb > 0 && ta * tb < a * b) {
            return (c - a - b) * Math.log1p(-z) + Math.log(series(ta, tb, c, z));
        }
        return logSeries(a, b, c, z);
    }

    private static double series(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (term < sum * 1e-17) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms");
    }

    private static double signedSeries(double a, double b, double c, double z) {
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-17 || term == 0) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms");
    }

    /** The series summed with a running scale, for parameters whose terms grow before they shrink. */
    private static double logSeries(double a, double b, double c, double z) {
        double logScale = 0;
        double term = 1;
        double sum = 1;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
            sum += term;
            if (sum > 1e250) {
                logScale += Math.log(sum);
                term /= sum;
                sum = 1;
            }
            if (term < sum * 1e-17) {
                return logScale + Math.log(sum);
            }
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
                + MAX_TERMS + " terms");
    }
}
