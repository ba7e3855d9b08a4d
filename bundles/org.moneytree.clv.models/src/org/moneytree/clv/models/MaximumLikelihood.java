package org.moneytree.clv.models;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.moneytree.api.clv.FitDiagnostics;
import org.moneytree.api.clv.ModelFamily;

/**
 * Maximum-likelihood fitting of the four model families with Hipparchus's BOBYQA optimiser (Powell's
 * derivative-free trust-region method), on the log scale of the parameters so that they stay positive and the
 * problem is better conditioned. Several starting points are tried and the best kept; standard errors come from a
 * central-difference Hessian at the optimum. Degenerate data (no customers, no repeat buyers for the Gamma-Gamma
 * model, everybody cancelling or nobody) is refused with an explanation before any fitting.
 */
public final class MaximumLikelihood {

    /** The search range on the log scale: parameters between e^-15 (3e-7) and e^15 (3.3e6). */
    private static final double LOG_BOUND = 15;
    private static final int MAX_EVALUATIONS = 4000;
    private static final double STEP = 1e-4;
    private static final double COARSE_RADIUS = 1e-5;
    /**
     * Estimates beyond e^±11.5 (about 1e5 and 1e-5) are limits, not estimates: when the data show no
     * heterogeneity, a gamma's shape and scale grow together without bound while the likelihood creeps up.
     */
    private static final double TRUSTED_LOG_RANGE = 11.5;

    private MaximumLikelihood() {
    }

    /** Fits a BG/NBD model; starting points are spread over the usual range of published estimates. */
    public static Fitted<BgNbd> bgNbd(RepeatPurchases data) {
        requirePurchases(data);
        double scale = meanAge(data);
        double[][] starts = { { 1, scale / 4, 1, 1 }, { 0.25, scale / 8, 0.8, 2.5 }, { 2, scale, 0.3, 5 } };
        return fit(ModelFamily.BG_NBD, starts, p -> BgNbd.logLikelihood(p, data), data.customers(),
                p -> new BgNbd(p[0], p[1], p[2], p[3]));
    }

    /** Fits a Pareto/NBD model. */
    public static Fitted<ParetoNbd> paretoNbd(RepeatPurchases data) {
        requirePurchases(data);
        double scale = meanAge(data);
        double[][] starts = { { 1, scale / 4, 1, scale / 4 }, { 0.5, scale / 4, 0.5, scale / 2 }, { 2, scale, 2, scale } };
        return fit(ModelFamily.PARETO_NBD, starts, p -> ParetoNbd.logLikelihood(p, data), data.customers(),
                p -> new ParetoNbd(p[0], p[1], p[2], p[3]));
    }

    /** Fits a Gamma-Gamma spend model to the repeat buyers' average values. */
    public static Fitted<GammaGamma> gammaGamma(SpendData data) {
        if (data.customers() < 2) {
            throw new IllegalArgumentException("the Gamma-Gamma model needs at least two customers with a repeat"
                    + " purchase; there are " + (long) data.customers());
        }
        double mean = 0;
        for (int i = 0; i < data.size(); i++) {
            mean += data.weight(i) * data.meanValue(i);
        }
        mean /= data.customers();
        double[][] starts = { { 1, 1, mean }, { 5, 3, mean / 2 }, { 10, 10, mean } };
        return fit(ModelFamily.GAMMA_GAMMA, starts, p -> GammaGamma.logLikelihood(p, data), data.customers(),
                p -> new GammaGamma(p[0], p[1], p[2]));
    }

    /** Fits a shifted beta-geometric model to contract histories. */
    public static Fitted<ShiftedBetaGeometric> shiftedBetaGeometric(ContractHistories data) {
        double churned = 0;
        for (int i = 0; i < data.size(); i++) {
            churned += data.churned(i) ? data.weight(i) : 0;
        }
        if (data.customers() <= 0) {
            throw new IllegalArgumentException("the sBG model needs at least one contract customer");
        }
        if (churned == 0) {
            throw new IllegalArgumentException("no customer cancelled: the sBG model has no maximum (the churn"
                    + " probability estimates run to 0)");
        }
        if (churned == data.customers() && data.maxPeriods() == 1) {
            throw new IllegalArgumentException("every customer cancelled after the first period: the sBG model has"
                    + " no maximum (the churn probability estimates run to 1)");
        }
        double[][] starts = { { 1, 1 }, { 0.5, 2 }, { 2, 0.5 } };
        return fit(ModelFamily.SHIFTED_BETA_GEOMETRIC, starts, p -> ShiftedBetaGeometric.logLikelihood(p, data),
                data.customers(), p -> new ShiftedBetaGeometric(p[0], p[1]));
    }

    private static void requirePurchases(RepeatPurchases data) {
        if (data.customers() < 1) {
            throw new IllegalArgumentException("no customers to fit: the calibration period has no purchases");
        }
        if (data.repeatBuyers() == 0) {
            throw new IllegalArgumentException("no customer made a repeat purchase in the calibration period: the"
                    + " purchase rate and the dropout cannot be told apart, so the model has no maximum");
        }
    }

    private static double meanAge(RepeatPurchases data) {
        double sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += data.weight(i) * data.age(i);
        }
        return Math.max(sum / data.customers(), 1e-3);
    }

    private static <M> Fitted<M> fit(ModelFamily family, double[][] starts, ToDoubleFunction<double[]> logLikelihood,
            double customers, Function<double[], M> model) {
        long started = System.nanoTime();
        int n = starts[0].length;
        int[] evaluations = { 0 };
        // The optimiser minimises; an impossible point (overflow, a series that does not converge) is a very bad
        // value rather than an exception, so the search steps away from it.
        ToDoubleFunction<double[]> negative = logParameters -> {
            evaluations[0]++;
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = Math.exp(logParameters[i]);
            }
            try {
                double value = -logLikelihood.applyAsDouble(p);
                return Double.isNaN(value) ? Double.MAX_VALUE : value;
            } catch (ArithmeticException | IllegalArgumentException e) {
                return Double.MAX_VALUE;
            }
        };
        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(lower, -LOG_BOUND);
        java.util.Arrays.fill(upper, LOG_BOUND);
        List<PointValuePair> results = new ArrayList<>();
        List<Integer> iterations = new ArrayList<>();
        String limitReached = null;
        for (double[] start : starts) {
            double[] logStart = new double[n];
            for (int i = 0; i < n; i++) {
                logStart[i] = Math.log(start[i]);
            }
            // The starts search coarsely; only the best is then polished to full precision, which saves about
            // a third of the evaluations on large data.
            BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.5, COARSE_RADIUS);
            try {
                PointValuePair optimum = optimizer.optimize(new MaxEval(MAX_EVALUATIONS),
                        new ObjectiveFunction(negative::applyAsDouble), GoalType.MINIMIZE, new InitialGuess(logStart),
                        new SimpleBounds(lower, upper));
                results.add(optimum);
                iterations.add(optimizer.getEvaluations());
            } catch (MathIllegalStateException e) {
                limitReached = "the optimiser stopped after " + MAX_EVALUATIONS + " evaluations without converging ("
                        + e.getMessage() + ")";
            }
        }
        if (results.isEmpty()) {
            return new Fitted<>(null, new FitDiagnostics(false, limitReached, Double.NaN, List.of(), List.of(), 0,
                    evaluations[0], starts.length, 0, customers, (System.nanoTime() - started) / 1_000_000));
        }
        int best = 0;
        for (int i = 1; i < results.size(); i++) {
            if (results.get(i).getValue() < results.get(best).getValue()) {
                best = i;
            }
        }
        double coarseBest = results.get(best).getValue();
        int agreeing = 0;
        for (PointValuePair result : results) {
            if (result.getValue() - coarseBest < 1e-3) {
                agreeing++;
            }
        }
        BOBYQAOptimizer polish = new BOBYQAOptimizer(2 * n + 1, 1e-3, 1e-10);
        int polishEvaluations = 0;
        try {
            PointValuePair polished = polish.optimize(new MaxEval(MAX_EVALUATIONS),
                    new ObjectiveFunction(negative::applyAsDouble), GoalType.MINIMIZE,
                    new InitialGuess(results.get(best).getPoint()), new SimpleBounds(lower, upper));
            polishEvaluations = polish.getEvaluations();
            if (polished.getValue() <= coarseBest) {
                results.set(best, polished);
            }
        } catch (MathIllegalStateException e) {
            limitReached = "the final polish stopped after " + MAX_EVALUATIONS + " evaluations without converging";
            agreeing = 0;
        }
        double bestValue = results.get(best).getValue();
        double[] logOptimum = results.get(best).getPoint();
        double[] estimate = new double[n];
        for (int i = 0; i < n; i++) {
            estimate[i] = Math.exp(logOptimum[i]);
        }
        String problem = null;
        for (int i = 0; i < n; i++) {
            if (Math.abs(logOptimum[i]) > TRUSTED_LOG_RANGE) {
                problem = "parameter " + family.parameters().get(i) + " ran to " + estimate[i] + ", outside 1e-5 to 1e5:"
                        + " the likelihood keeps rising towards a limit outside the model (for example customers"
                        + " without heterogeneity), so these data cannot identify it";
            }
        }
        if (bestValue == Double.MAX_VALUE) {
            problem = "the likelihood could not be evaluated anywhere the optimiser looked";
        }
        double[] standardErrors = new double[n];
        java.util.Arrays.fill(standardErrors, Double.NaN);
        if (problem == null) {
            RealMatrix information = observedInformation(negative, logOptimum, bestValue);
            try {
                RealMatrix covariance = new CholeskyDecomposition(information, 1e-12, 1e-14).getSolver().getInverse();
                for (int i = 0; i < n; i++) {
                    standardErrors[i] = estimate[i] * Math.sqrt(covariance.getEntry(i, i));
                }
            } catch (MathIllegalStateException | org.hipparchus.exception.MathIllegalArgumentException e) {
                problem = "the log-likelihood does not curve downward in every direction at the optimum (the Hessian"
                        + " is not negative definite): the parameters are not identified by these data";
            }
        }
        if (problem == null && limitReached != null && agreeing < 1) {
            problem = limitReached;
        }
        M fitted = null;
        try {
            fitted = model.apply(estimate);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        List<Double> parameters = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parameters.add(estimate[i]);
            errors.add(standardErrors[i]);
        }
        return new Fitted<>(fitted, new FitDiagnostics(problem == null, problem, -bestValue, parameters, errors,
                iterations.get(best) + polishEvaluations, evaluations[0], starts.length, agreeing, customers,
                (System.nanoTime() - started) / 1_000_000));
    }

    /** The Hessian of the negative log-likelihood in log parameters, by central differences. */
    private static RealMatrix observedInformation(ToDoubleFunction<double[]> negative, double[] at, double value) {
        int n = at.length;
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            double plus = negative.applyAsDouble(shift(at, i, STEP, -1, 0));
            double minus = negative.applyAsDouble(shift(at, i, -STEP, -1, 0));
            h[i][i] = (plus - 2 * value + minus) / (STEP * STEP);
            for (int j = 0; j < i; j++) {
                double pp = negative.applyAsDouble(shift(at, i, STEP, j, STEP));
                double pm = negative.applyAsDouble(shift(at, i, STEP, j, -STEP));
                double mp = negative.applyAsDouble(shift(at, i, -STEP, j, STEP));
                double mm = negative.applyAsDouble(shift(at, i, -STEP, j, -STEP));
                h[i][j] = (pp - pm - mp + mm) / (4 * STEP * STEP);
                h[j][i] = h[i][j];
            }
        }
        return new Array2DRowRealMatrix(h, false);
    }

    private static double[] shift(double[] at, int i, double di, int j, double dj) {
        double[] point = at.clone();
        point[i] += di;
        if (j >= 0) {
            point[j] += dj;
        }
        return point;
    }
}
