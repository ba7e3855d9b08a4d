package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.moneytree.api.clv.FitDiagnostics;
import org.moneytree.clv.models.BgNbd;
import org.moneytree.clv.models.ContractHistories;
import org.moneytree.clv.models.Fitted;
import org.moneytree.clv.models.GammaGamma;
import org.moneytree.clv.models.HistoryForecasts;
import org.moneytree.clv.models.Hypergeometric;
import org.moneytree.clv.models.MaximumLikelihood;
import org.moneytree.clv.models.ParetoNbd;
import org.moneytree.clv.models.RepeatPurchases;
import org.moneytree.clv.models.ShiftedBetaGeometric;
import org.moneytree.clv.models.SpendData;

/**
 * The lifetime-value models as pure functions. Every likelihood and prediction is checked against an independent
 * computation: the individual-level model integrated numerically over its mixing distributions (on the scale of
 * their cumulative distribution functions, so that no closed form of the model is used), not against the model's
 * own formulas. The published estimates are checked on the CDNOW data in {@link LifetimeServiceTest}; the sBG
 * estimates of Fader and Hardie (2007), which rest on a cohort table, here.
 */
class LifetimeModelsTest {

    /** Gauss-Legendre nodes on (0, 1) for the numerical integrals: the integrands are smooth on the CDF scale. */
    private static final int NODES = 400;
    private static final double[] NODE = new double[NODES];
    private static final double[] WEIGHT = new double[NODES];

    static {
        org.hipparchus.analysis.integration.gauss.GaussIntegrator rule = new org.hipparchus.analysis.integration.gauss
                .GaussIntegratorFactory().legendre(NODES, 0, 1);
        for (int i = 0; i < NODES; i++) {
            NODE[i] = rule.getPoint(i);
            WEIGHT[i] = rule.getWeight(i);
        }
    }

    /**
     * E[f(X)] for X with the given inverse CDF, by quadrature over u = F(x) in 64 panels: a customer with many
     * purchases concentrates the integrand in a narrow band of u.
     */
    private static double expectation(DoubleUnaryOperator inverse, DoubleUnaryOperator f) {
        int panels = 64;
        double sum = 0;
        for (int panel = 0; panel < panels; panel++) {
            for (int i = 0; i < NODES; i++) {
                double u = (panel + NODE[i]) / panels;
                sum += WEIGHT[i] / panels * f.applyAsDouble(inverse.applyAsDouble(u));
            }
        }
        return sum;
    }

    /** E[f(X, Y)] for independent X and Y. */
    private static double expectation(DoubleUnaryOperator inverseX, DoubleUnaryOperator inverseY, DoubleBinaryOperator f) {
        double[] xs = new double[NODES];
        double[] ys = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            xs[i] = inverseX.applyAsDouble(NODE[i]);
            ys[i] = inverseY.applyAsDouble(NODE[i]);
        }
        double sum = 0;
        for (int i = 0; i < NODES; i++) {
            double inner = 0;
            for (int j = 0; j < NODES; j++) {
                inner += WEIGHT[j] * f.applyAsDouble(xs[i], ys[j]);
            }
            sum += WEIGHT[i] * inner;
        }
        return sum;
    }

    /** A gamma with shape and rate, as the models write it (Hipparchus takes the scale). */
    private static DoubleUnaryOperator gamma(double shape, double rate) {
        GammaDistribution distribution = new GammaDistribution(shape, 1 / rate);
        return distribution::inverseCumulativeProbability;
    }

    private static DoubleUnaryOperator beta(double a, double b) {
        BetaDistribution distribution = new BetaDistribution(a, b);
        return distribution::inverseCumulativeProbability;
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, Math.abs(expected) * tolerance, what);
    }

    @Test
    void theHypergeometricFunctionMatchesClosedForms() {
        for (double z : new double[] { 0, 0.1, 0.5, 0.9, 0.99 }) {
            // 2F1(1, 1; 2; z) = -ln(1 - z) / z
            double log = z == 0 ? 1 : -Math.log1p(-z) / z;
            assertRelative(log, Hypergeometric.f21(1, 1, 2, z), 1e-12, "2F1(1,1;2;" + z + ")");
            // 2F1(a, b; b; z) = (1 - z)^-a, also for parameters whose terms grow before they shrink
            assertRelative(Math.pow(1 - z, -3.7), Hypergeometric.f21(3.7, 250.5, 250.5, z), 1e-11, "2F1(a,b;b;" + z + ")");
            // 2F1(1/2, 1; 3/2; z) = artanh(sqrt z) / sqrt z
            double root = Math.sqrt(z);
            double artanh = z == 0 ? 1 : 0.5 * Math.log((1 + root) / (1 - root)) / root;
            assertRelative(artanh, Hypergeometric.f21(0.5, 1, 1.5, z), 1e-12, "2F1(1/2,1;3/2;" + z + ")");
        }
        // A large purchase count: the value overflows a double, its logarithm does not.
        assertRelative(-2000 * Math.log1p(-0.9), Hypergeometric.logF21(2000, 7, 7, 0.9), 1e-12, "ln 2F1, huge");
        assertThrows(IllegalArgumentException.class, () -> Hypergeometric.f21(1, 1, 2, 1));
    }

    @Test
    void bgNbdLikelihoodEqualsTheIndividualModelIntegrated() {
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        int[][] cases = { { 0, 0, 38 }, { 2, 30, 38 }, { 7, 29, 38 }, { 1, 2, 20 } };
        for (int[] c : cases) {
            int x = c[0];
            double tx = c[1] + 0.43;
            double t = c[2] + 0.86;
            if (x == 0) {
                tx = 0;
            }
            final double recency = tx;
            double likelihood = expectation(gamma(0.243, 4.414), beta(0.793, 2.426), (lambda, p) -> {
                double alive = Math.pow(1 - p, x) * Math.pow(lambda, x) * Math.exp(-lambda * t);
                double dead = x == 0 ? 0 : p * Math.pow(1 - p, x - 1) * Math.pow(lambda, x) * Math.exp(-lambda * recency);
                return alive + dead;
            });
            assertRelative(Math.log(likelihood), model.logLikelihood(x, tx, t), 1e-5, "BG/NBD ln L, x = " + x);
            double alive = expectation(gamma(0.243, 4.414), beta(0.793, 2.426),
                    (lambda, p) -> Math.pow(1 - p, x) * Math.pow(lambda, x) * Math.exp(-lambda * t)) / likelihood;
            assertRelative(alive, model.probabilityAlive(x, tx, t), 1e-5, "BG/NBD P(alive), x = " + x);
            // E[Y(39) | history] = E over the posterior of the alive part of (1/p)(1 - e^(-λ p 39))
            double expected = expectation(gamma(0.243, 4.414), beta(0.793, 2.426),
                    (lambda, p) -> Math.pow(1 - p, x) * Math.pow(lambda, x) * Math.exp(-lambda * t)
                            * (1 - Math.exp(-lambda * p * 39)) / p) / likelihood;
            assertRelative(expected, model.conditionalExpectedPurchases(39, x, tx, t), 1e-4, "BG/NBD E[Y(39)], x = " + x);
        }
        // Fader, Hardie and Lee's spreadsheet (2005, section 7), customer 0001: ln L = -9.46.
        assertEquals(-9.46, model.logLikelihood(2, 30.43, 38.86), 0.005);
    }

    @Test
    void paretoNbdLikelihoodEqualsTheIndividualModelIntegrated() {
        ParetoNbd model = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
        ParetoNbd unequal = new ParetoNbd(0.8, 4.0, 1.3, 20.0);
        for (ParetoNbd m : new ParetoNbd[] { model, unequal }) {
            for (double[] c : new double[][] { { 0, 0, 38.86 }, { 2, 30.43, 38.86 }, { 7, 29.43, 38.86 }, { 3, 5, 12 } }) {
                int x = (int) c[0];
                double tx = c[1];
                double t = c[2];
                double likelihood = expectation(gamma(m.r(), m.alpha()), gamma(m.s(), m.beta()), (lambda, mu) ->
                        Math.pow(lambda, x) * mu / (lambda + mu) * Math.exp(-(lambda + mu) * tx)
                                + Math.pow(lambda, x + 1) / (lambda + mu) * Math.exp(-(lambda + mu) * t));
                assertRelative(Math.log(likelihood), m.logLikelihood(x, tx, t), 2e-5, "Pareto/NBD ln L " + m + " x=" + x);
                double alive = expectation(gamma(m.r(), m.alpha()), gamma(m.s(), m.beta()),
                        (lambda, mu) -> Math.pow(lambda, x) * Math.exp(-(lambda + mu) * t)) / likelihood;
                assertRelative(alive, m.probabilityAlive(x, tx, t), 1e-4, "Pareto/NBD P(alive) x=" + x);
                double expected = expectation(gamma(m.r(), m.alpha()), gamma(m.s(), m.beta()),
                        (lambda, mu) -> Math.pow(lambda, x) * Math.exp(-(lambda + mu) * t)
                                * lambda / mu * (1 - Math.exp(-mu * 39))) / likelihood;
                assertRelative(expected, m.conditionalExpectedPurchases(39, x, tx, t), 1e-3, "Pareto/NBD E[Y] x=" + x);
            }
        }
    }

    @Test
    void gammaGammaLikelihoodEqualsTheIndividualModelIntegrated() {
        GammaGamma model = new GammaGamma(6.25, 3.74, 15.44);
        for (double[] c : new double[][] { { 1, 20 }, { 2, 22.34 }, { 7, 100 }, { 12, 5.5 } }) {
            int x = (int) c[0];
            double mean = c[1];
            // The mean of x gamma(p, ν) values is gamma(px, νx); ν ~ gamma(q, γ) with rate γ.
            double density = expectation(gamma(3.74, 15.44), nu -> Math.exp(6.25 * x * Math.log(nu * x)
                    + (6.25 * x - 1) * Math.log(mean) - nu * x * mean - Gamma.logGamma(6.25 * x)));
            assertRelative(Math.log(density), model.logLikelihood(x, mean), 1e-6, "Gamma-Gamma x=" + x);
        }
        // The shrinkage estimate: Fader and Hardie's note, equation 5, by hand for x = 1, mean 100:
        // (q - 1)/(px + q - 1) * pγ/(q - 1) + px/(px + q - 1) * 100 = 2.74/8.99 * 35.22 + 6.25/8.99 * 100
        assertEquals(2.74 / 8.99 * (6.25 * 15.44 / 2.74) + 6.25 / 8.99 * 100, model.conditionalExpectedValue(1, 100), 1e-9);
        assertEquals(6.25 * 15.44 / 2.74, model.conditionalExpectedValue(0, 0), 1e-9);
    }

    @Test
    void shiftedBetaGeometricEqualsTheIndividualModelIntegrated() {
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(0.668, 3.806);
        for (int t = 1; t <= 12; t++) {
            final int period = t;
            double churn = expectation(beta(0.668, 3.806), theta -> theta * Math.pow(1 - theta, period - 1));
            double survival = expectation(beta(0.668, 3.806), theta -> Math.pow(1 - theta, period));
            assertRelative(churn, model.churnProbability(t), 1e-6, "P(T = " + t + ")");
            assertRelative(survival, model.survival(t), 1e-6, "S(" + t + ")");
            assertRelative(Math.log(churn), model.logLikelihood(t, true), 1e-6, "ln P(T = " + t + ")");
            assertRelative(survival / model.survival(t - 1), model.retentionRate(t), 1e-6, "r_" + t);
        }
        // Remaining periods of a customer who renewed 3 times, 5 periods ahead, undiscounted: Σ S(3+k)/S(3).
        double remaining = 0;
        for (int k = 1; k <= 5; k++) {
            remaining += model.survival(3 + k) / model.survival(3);
        }
        assertRelative(remaining, model.expectedRemainingPeriods(3, 5, 0), 1e-12, "remaining periods");
        // Without end: the closed forms against the long sum they stand for.
        ShiftedBetaGeometric loyal = new ShiftedBetaGeometric(1.6, 3.806);
        assertRelative(loyal.expectedRemainingPeriods(3, 2_000_000, 0), loyal.remainingLifetime(3), 1e-3,
                "remaining lifetime, α > 1");
        assertEquals(Double.POSITIVE_INFINITY, model.remainingLifetime(3));
        assertRelative(model.expectedRemainingPeriods(7, 5_000, 0.10), model.discountedRemainingLifetime(7, 0.10), 1e-10,
                "discounted residual lifetime");
    }

    /**
     * Fader and Hardie (2007), "How to project customer retention", table 1 (survivors of 1,000 customers over
     * 7 years) and their estimates: regular α = 0.704, β = 1.182; high end α = 0.668, β = 3.806 with
     * LL = -1.611 per customer (appendix B).
     */
    @Test
    void sBgReproducesThePublishedRetentionEstimates() {
        Fitted<ShiftedBetaGeometric> regular = MaximumLikelihood.shiftedBetaGeometric(
                ContractHistories.ofCohort(new long[] { 1000, 631, 468, 382, 326, 289, 262, 241 }));
        assertTrue(regular.diagnostics().converged(), regular.diagnostics().toString());
        assertEquals(0.704, regular.model().alpha(), 0.0005);
        assertEquals(1.182, regular.model().beta(), 0.0005);
        Fitted<ShiftedBetaGeometric> highEnd = MaximumLikelihood.shiftedBetaGeometric(
                ContractHistories.ofCohort(new long[] { 1000, 869, 743, 653, 593, 551, 517, 491 }));
        assertTrue(highEnd.diagnostics().converged());
        assertEquals(0.668, highEnd.model().alpha(), 0.0005);
        assertEquals(3.806, highEnd.model().beta(), 0.0005);
        assertEquals(-1.611, highEnd.diagnostics().logLikelihood() / 1000, 0.0005);
        // Their projection: year-12 survival of the high-end segment, about 0.378 against 0.394 observed.
        assertEquals(0.378, highEnd.model().survival(12), 0.0005);
        FitDiagnostics diagnostics = highEnd.diagnostics();
        assertEquals(3, diagnostics.starts());
        assertEquals(3, diagnostics.startsAgreeing());
        assertTrue(diagnostics.standardErrors().stream().allMatch(error -> error > 0 && error < 1),
                diagnostics.standardErrors().toString());
    }

    /** A fit recovers the parameters of a simulated population; standard errors cover the truth. */
    @Test
    void fitsRecoverSimulatedParameters() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        GammaDistribution rates = new GammaDistribution(0.5, 1 / 6.0);
        BetaDistribution dropouts = new BetaDistribution(0.7, 3.0);
        RepeatPurchases.Builder builder = RepeatPurchases.builder(7);
        for (int i = 0; i < 20_000; i++) {
            int age = 7 + random.nextInt(360);
            double lambda = rates.inverseCumulativeProbability(random.nextDouble()) / 7;
            double p = dropouts.inverseCumulativeProbability(random.nextDouble());
            double time = 0;
            int x = 0;
            int last = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time > age) {
                    break;
                }
                x++;
                last = (int) time;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            builder.add(x, last, age);
        }
        Fitted<BgNbd> fit = MaximumLikelihood.bgNbd(builder.build());
        assertTrue(fit.diagnostics().converged(), fit.diagnostics().toString());
        double[] truth = { 0.5, 6.0, 0.7, 3.0 };
        double[] estimate = fit.model().parameters();
        for (int i = 0; i < truth.length; i++) {
            double error = fit.diagnostics().standardErrors().get(i);
            assertTrue(Math.abs(estimate[i] - truth[i]) < 4 * error, "parameter " + i + ": " + estimate[i] + " ± "
                    + error + " against " + truth[i]);
        }
    }

    @Test
    void forecastsOfHistoriesEqualTheModelsOwnPredictions() {
        BgNbd model = new BgNbd(0.243, 4.414, 0.793, 2.426);
        RepeatPurchases data = RepeatPurchases.builder(7).add(2, 213, 272).add(0, 0, 200).add(7, 206, 272).build();
        double month = 365.25 / 12 / 7;
        HistoryForecasts forecasts = HistoryForecasts.of(model, data, month, 12, 0.01);
        int index = data.indexOf(2, 213, 272);
        double tx = 213 / 7.0;
        double t = 272 / 7.0;
        assertEquals(model.probabilityAlive(2, tx, t), forecasts.probabilityAlive(index), 1e-12);
        assertEquals(model.conditionalExpectedPurchases(12 * month, 2, tx, t), forecasts.expectedPurchases(index), 1e-9);
        double discounted = 0;
        for (int step = 1; step <= 12; step++) {
            discounted += (model.conditionalExpectedPurchases(step * month, 2, tx, t)
                    - model.conditionalExpectedPurchases((step - 1) * month, 2, tx, t)) / Math.pow(1.01, step);
        }
        assertEquals(discounted, forecasts.discountedPurchases(index), 1e-9);
        assertEquals(-1, data.indexOf(3, 1, 1));
    }

    @Test
    void degenerateDataGiveAClearErrorOrAnUnconvergedFit() {
        RepeatPurchases.Builder oneTimeBuyers = RepeatPurchases.builder(7);
        for (int i = 0; i < 500; i++) {
            oneTimeBuyers.add(0, 0, 100 + i % 60);
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> MaximumLikelihood.bgNbd(oneTimeBuyers.build()));
        assertTrue(none.getMessage().contains("no customer made a repeat purchase"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaximumLikelihood.paretoNbd(oneTimeBuyers.build()));

        // One customer, or a thousand identical ones: no heterogeneity, so the mixing parameters run away.
        Fitted<BgNbd> single = MaximumLikelihood.bgNbd(RepeatPurchases.builder(7).add(2, 70, 200).build());
        RepeatPurchases.Builder identical = RepeatPurchases.builder(7);
        for (int i = 0; i < 1000; i++) {
            identical.add(2, 70, 200);
        }
        Fitted<BgNbd> same = MaximumLikelihood.bgNbd(identical.build());
        Fitted<ParetoNbd> sameP = MaximumLikelihood.paretoNbd(identical.build());
        for (FitDiagnostics diagnostics : new FitDiagnostics[] { single.diagnostics(), same.diagnostics(),
                sameP.diagnostics() }) {
            assertFalse(diagnostics.converged(), diagnostics.toString());
            assertTrue(diagnostics.problem().contains("cannot identify"), diagnostics.problem());
        }
        int[] threes = new int[100];
        double[] twenties = new double[100];
        double[] ones = new double[100];
        Arrays.fill(threes, 3);
        Arrays.fill(twenties, 20);
        Arrays.fill(ones, 1);
        assertFalse(MaximumLikelihood.gammaGamma(SpendData.of(threes, twenties, ones)).diagnostics().converged());
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> MaximumLikelihood.gammaGamma(SpendData.of(new int[] { 2 }, new double[] { 10 }, new double[] { 1 })));
        assertTrue(tooFew.getMessage().contains("at least two"), tooFew.getMessage());
        IllegalArgumentException nobodyLeft = assertThrows(IllegalArgumentException.class,
                () -> MaximumLikelihood.shiftedBetaGeometric(ContractHistories.ofCohort(new long[] { 100, 100, 100 })));
        assertTrue(nobodyLeft.getMessage().contains("no customer cancelled"), nobodyLeft.getMessage());
        // Everybody leaving at the same constant rate is a geometric lifetime: no heterogeneity either.
        assertFalse(MaximumLikelihood.shiftedBetaGeometric(ContractHistories.ofCohort(new long[] { 1000, 500, 250, 125,
                62 })).diagnostics().converged());
    }

    @Test
    void impossibleHistoriesAreRefusedWithTheirIndex() {
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> RepeatPurchases.of(new int[] { 1, 2 }, new double[] { 3, 9 }, new double[] { 5, 8 }, new double[] { 1, 1 }));
        assertTrue(late.getMessage().startsWith("history 1 is impossible"), late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RepeatPurchases.builder(7).add(0, 3, 10));
        assertThrows(IllegalArgumentException.class, () -> SpendData.of(new int[] { 0 }, new double[] { 5 }, new double[] { 1 }));
        assertThrows(IllegalArgumentException.class, () -> ContractHistories.ofCohort(new long[] { 10, 12 }));
        assertThrows(IllegalArgumentException.class, () -> new BgNbd(0, 1, 1, 1));
    }
}
