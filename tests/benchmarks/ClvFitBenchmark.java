import java.util.Arrays;
import java.util.SplittableRandom;

import org.hipparchus.distribution.continuous.BetaDistribution;
import org.hipparchus.distribution.continuous.GammaDistribution;
import org.moneytree.api.clv.FitDiagnostics;
import org.moneytree.clv.models.BgNbd;
import org.moneytree.clv.models.ContractHistories;
import org.moneytree.clv.models.Fitted;
import org.moneytree.clv.models.HistoryForecasts;
import org.moneytree.clv.models.MaximumLikelihood;
import org.moneytree.clv.models.RepeatPurchases;
import org.moneytree.clv.models.SpendData;

/**
 * Times the lifetime-value fits on simulated customers (see clv-fit.sh). The populations: purchase rates
 * gamma(r = 0.25, α = 4 weeks), dropout beta(a = 0.8, b = 2.5), values per purchase gamma(p = 6, ν) with
 * ν ~ gamma(q = 4, γ = 15), contract churn beta(α = 0.7, β = 1.2).
 */
public final class ClvFitBenchmark {

    public static void main(String[] args) {
        int customers = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(20051);
        GammaDistribution rates = new GammaDistribution(0.25, 1 / 4.0);
        BetaDistribution dropouts = new BetaDistribution(0.8, 2.5);
        GammaDistribution spendRates = new GammaDistribution(4, 1 / 15.0);
        int[] frequency = new int[customers];
        int[] recency = new int[customers];
        int[] age = new int[customers];
        double[] meanValue = new double[customers];
        long simulateStart = System.nanoTime();
        for (int i = 0; i < customers; i++) {
            age[i] = 1 + random.nextInt(546);
            double lambda = rates.inverseCumulativeProbability(random.nextDouble()) / 7;
            double p = dropouts.inverseCumulativeProbability(random.nextDouble());
            double nu = spendRates.inverseCumulativeProbability(random.nextDouble());
            double time = 0;
            double total = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time > age[i]) {
                    break;
                }
                frequency[i]++;
                recency[i] = (int) time;
                total += gammaVariate(random, 6) / nu;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            meanValue[i] = frequency[i] == 0 ? 0 : total / frequency[i];
        }
        System.out.printf("simulated %,d customers in %.1f s%n", customers, (System.nanoTime() - simulateStart) / 1e9);
        for (int run = 1; run <= runs; run++) {
            System.out.println("run " + run + ":");
            long start = System.nanoTime();
            RepeatPurchases.Builder builder = RepeatPurchases.builder(7);
            for (int i = 0; i < customers; i++) {
                builder.add(frequency[i], recency[i], age[i]);
            }
            RepeatPurchases data = builder.build();
            System.out.printf("  summaries: %,d customers in %,d distinct histories (%,.0f repeat buyers), %.2f s%n",
                    customers, data.size(), data.repeatBuyers(), (System.nanoTime() - start) / 1e9);
            Fitted<BgNbd> bg = MaximumLikelihood.bgNbd(data);
            report("BG/NBD", bg.diagnostics(), new double[] { 0.25, 4, 0.8, 2.5 });
            report("Pareto/NBD", MaximumLikelihood.paretoNbd(data).diagnostics(), null);
            int buyers = (int) Arrays.stream(frequency).filter(x -> x > 0).count();
            int[] x = new int[buyers];
            double[] mean = new double[buyers];
            double[] weight = new double[buyers];
            for (int i = 0, k = 0; i < customers; i++) {
                if (frequency[i] > 0) {
                    x[k] = frequency[i];
                    mean[k] = meanValue[i];
                    weight[k] = 1;
                    k++;
                }
            }
            report("Gamma-Gamma", MaximumLikelihood.gammaGamma(SpendData.of(x, mean, weight)).diagnostics(),
                    new double[] { 6, 4, 15 });
            report("sBG", MaximumLikelihood.shiftedBetaGeometric(contracts(customers, random)).diagnostics(),
                    new double[] { 0.7, 1.2 });
            if (bg.model() != null) {
                start = System.nanoTime();
                HistoryForecasts.of(bg.model(), data, 365.25 / 12 / 7, 36, Math.pow(1.1, 1.0 / 12) - 1);
                System.out.printf("  forecast of every history over 36 months (BG/NBD): %.2f s%n",
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    /** A cohort of contract customers observed for 8 periods, churn probabilities from beta(0.7, 1.2). */
    private static ContractHistories contracts(int customers, SplittableRandom random) {
        BetaDistribution churn = new BetaDistribution(0.7, 1.2);
        long[] alive = new long[9];
        alive[0] = customers;
        for (int i = 0; i < customers; i++) {
            double theta = churn.inverseCumulativeProbability(random.nextDouble());
            for (int t = 1; t <= 8; t++) {
                if (random.nextDouble() < theta) {
                    break;
                }
                alive[t]++;
            }
        }
        return ContractHistories.ofCohort(alive);
    }

    private static void report(String name, FitDiagnostics diagnostics, double[] truth) {
        StringBuilder estimates = new StringBuilder();
        for (int i = 0; i < diagnostics.parameters().size(); i++) {
            estimates.append(String.format(" %.4f±%.4f", diagnostics.parameters().get(i), diagnostics.standardErrors().get(i)));
        }
        System.out.printf("  %-11s %5.2f s  %s, LL %.1f, %d evaluations, %d of %d starts agree; estimates%s%s%n", name,
                diagnostics.millis() / 1000.0, diagnostics.converged() ? "converged" : "NOT CONVERGED: " + diagnostics.problem(),
                diagnostics.logLikelihood(), diagnostics.evaluations(), diagnostics.startsAgreeing(), diagnostics.starts(),
                estimates, truth == null ? "" : " (true " + Arrays.toString(truth) + ")");
    }

    /** A gamma(shape, 1) variate by Marsaglia and Tsang's method (shape >= 1). */
    private static double gammaVariate(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = normal(random);
            double v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
