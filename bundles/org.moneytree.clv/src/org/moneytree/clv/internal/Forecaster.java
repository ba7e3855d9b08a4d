package org.moneytree.clv.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.moneytree.api.clv.CustomerLifetime;
import org.moneytree.api.clv.HoldoutComparison;
import org.moneytree.api.clv.LifetimeFit;
import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.clv.ModelFamily;
import org.moneytree.clv.models.GammaGamma;
import org.moneytree.clv.models.HistoryForecasts;
import org.moneytree.clv.models.PurchaseModel;
import org.moneytree.clv.models.RepeatPurchases;
import org.moneytree.clv.models.ShiftedBetaGeometric;

/**
 * Turns a fit and its calibration data into per-customer forecasts and the holdout check. Lifetime value is the
 * expected purchases of each month of the horizon, discounted to the present at the month's end, times the
 * expected value per purchase (Gamma-Gamma when it converged, else the customer's own average, else the
 * average of all repeat purchases); lifetime profit is that times the customer's net margin share.
 */
final class Forecaster {

    /** The last row of the holdout table collects this frequency and more, as in Fader, Hardie and Lee's figure 4. */
    private static final int LAST_FREQUENCY_ROW = 7;
    private static final MathContext SHARE = new MathContext(8, RoundingMode.HALF_EVEN);

    private final LifetimeFit fit;
    private final CalibrationData data;
    private final int horizonMonths;
    private final BigDecimal annualDiscountRate;

    Forecaster(LifetimeFit fit, CalibrationData data, int horizonMonths, BigDecimal annualDiscountRate) {
        this.fit = fit;
        this.data = data;
        this.horizonMonths = horizonMonths;
        this.annualDiscountRate = annualDiscountRate;
    }

    LifetimeForecast forecast() {
        return fit.transactions().family() == ModelFamily.SHIFTED_BETA_GEOMETRIC ? contracts() : purchases();
    }

    private LifetimeForecast purchases() {
        PurchaseModel model = LifetimeEngine.purchaseModel(fit.transactions());
        GammaGamma spend = LifetimeEngine.spendModel(fit.spend());
        double unitDays = fit.timeUnitDays();
        RepeatPurchases histories = LifetimeEngine.histories(data, unitDays);
        double month = LifetimeEngine.monthInUnits(unitDays);
        double monthlyDiscount = Math.pow(1 + annualDiscountRate.doubleValue(), 1.0 / 12) - 1;
        HistoryForecasts forecasts = HistoryForecasts.of(model, histories, month, horizonMonths, monthlyDiscount);
        BigDecimal overallShare = overallShare();
        double fallbackValue = averageRepeatValue();
        List<CustomerLifetime> customers = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            int x = data.frequency[i];
            int history = histories.indexOf(x, data.recencyDays[i], data.ageDays[i]);
            double mean = x > 0 ? data.valueCents[i] / 100.0 / x : 0;
            double perPurchase = spend != null ? spend.conditionalExpectedValue(x, mean)
                    : x > 0 && mean > 0 ? mean : fallbackValue;
            BigDecimal expectedValue = money(perPurchase);
            BigDecimal share = share(i, overallShare);
            BigDecimal lifetimeValue = money(forecasts.discountedPurchases(history) * perPurchase);
            customers.add(new CustomerLifetime(data.ids[i], x, data.recencyDays[i] / unitDays,
                    data.ageDays[i] / unitDays, x > 0 ? PurchaseHistories.money(data.valueCents[i])
                            .divide(BigDecimal.valueOf(x), 2, RoundingMode.HALF_EVEN) : BigDecimal.ZERO.setScale(2),
                    data.holdoutPurchases[i], forecasts.probabilityAlive(history), forecasts.expectedPurchases(history),
                    expectedValue, lifetimeValue, share, profit(lifetimeValue, share)));
        }
        double newPerPurchase = spend != null ? spend.populationMean() : fallbackValue;
        if (!Double.isFinite(newPerPurchase)) {
            newPerPurchase = fallbackValue;
        }
        double discounted = 0;
        double before = 0;
        double factor = 1;
        for (int step = 1; step <= horizonMonths; step++) {
            double now = model.expectedPurchases(step * month);
            factor /= 1 + monthlyDiscount;
            discounted += (now - before) * factor;
            before = now;
        }
        BigDecimal newValue = money(discounted * newPerPurchase);
        CustomerLifetime newCustomer = new CustomerLifetime("", 0, 0, 0, BigDecimal.ZERO.setScale(2), -1, 1, before,
                money(newPerPurchase), newValue, overallShare, profit(newValue, overallShare));
        return new LifetimeForecast(fit, horizonMonths, annualDiscountRate, customers, newCustomer);
    }

    private LifetimeForecast contracts() {
        java.util.List<Double> p = fit.transactions().diagnostics().parameters();
        ShiftedBetaGeometric model = new ShiftedBetaGeometric(p.get(0), p.get(1));
        double unitDays = fit.timeUnitDays();
        int periods = Math.max(1, (int) Math.round(horizonMonths * LifetimeEngine.monthInUnits(unitDays)));
        double discountPerPeriod = Math.pow(1 + annualDiscountRate.doubleValue(), unitDays / 365.25) - 1;
        BigDecimal overallShare = overallShare();
        List<CustomerLifetime> customers = new ArrayList<>(data.size());
        long allValue = 0;
        long allPeriods = 0;
        for (int i = 0; i < data.size(); i++) {
            allValue += data.valueCents[i];
            allPeriods += data.frequency[i] + (data.churned[i] ? 0 : 1);
        }
        for (int i = 0; i < data.size(); i++) {
            int completed = data.frequency[i];
            int contracts = completed + (data.churned[i] ? 0 : 1);
            double perPeriod = data.valueCents[i] / 100.0 / Math.max(1, contracts);
            double renewal = data.churned[i] ? 0 : model.retentionRate(completed + 1);
            double remaining = data.churned[i] ? 0 : model.expectedRemainingPeriods(completed, periods, 0);
            double discounted = data.churned[i] ? 0 : model.expectedRemainingPeriods(completed, periods,
                    discountPerPeriod);
            BigDecimal share = share(i, overallShare);
            BigDecimal value = money(discounted * perPeriod);
            customers.add(new CustomerLifetime(data.ids[i], completed, 0, data.ageDays[i] / unitDays,
                    money(perPeriod), -1, renewal, remaining, money(perPeriod), value, share, profit(value, share)));
        }
        double averagePerPeriod = allPeriods == 0 ? 0 : allValue / 100.0 / allPeriods;
        BigDecimal newValue = money(model.expectedRemainingPeriods(0, periods, discountPerPeriod) * averagePerPeriod);
        CustomerLifetime newCustomer = new CustomerLifetime("", 0, 0, 0, BigDecimal.ZERO.setScale(2), -1,
                model.retentionRate(1), model.expectedRemainingPeriods(0, periods, 0), money(averagePerPeriod),
                newValue, overallShare, profit(newValue, overallShare));
        return new LifetimeForecast(fit, horizonMonths, annualDiscountRate, customers, newCustomer);
    }

    HoldoutComparison holdout() {
        PurchaseModel model = LifetimeEngine.purchaseModel(fit.transactions());
        double unitDays = fit.timeUnitDays();
        double holdoutLength = (data.holdoutEndDay - data.calibrationEndDay) / unitDays;
        RepeatPurchases histories = LifetimeEngine.histories(data, unitDays);
        HistoryForecasts forecasts = HistoryForecasts.of(model, histories, holdoutLength, 1, 0);
        long[] customers = new long[LAST_FREQUENCY_ROW + 1];
        long[] actual = new long[LAST_FREQUENCY_ROW + 1];
        double[] expected = new double[LAST_FREQUENCY_ROW + 1];
        long actualTotal = 0;
        double expectedTotal = 0;
        for (int i = 0; i < data.size(); i++) {
            int row = Math.min(LAST_FREQUENCY_ROW, data.frequency[i]);
            int history = histories.indexOf(data.frequency[i], data.recencyDays[i], data.ageDays[i]);
            double e = forecasts.expectedPurchases(history);
            customers[row]++;
            actual[row] += data.holdoutPurchases[i];
            expected[row] += e;
            actualTotal += data.holdoutPurchases[i];
            expectedTotal += e;
        }
        List<HoldoutComparison.Row> rows = new ArrayList<>();
        int lastRow = LAST_FREQUENCY_ROW;
        while (lastRow > 0 && customers[lastRow] == 0) {
            lastRow--;
        }
        for (int row = 0; row <= lastRow; row++) {
            rows.add(new HoldoutComparison.Row(row, row == LAST_FREQUENCY_ROW,
                    customers[row], customers[row] == 0 ? 0 : (double) actual[row] / customers[row],
                    customers[row] == 0 ? 0 : expected[row] / customers[row]));
        }
        return new HoldoutComparison(fit, holdoutLength, rows, actualTotal, expectedTotal, tracking(model, unitDays));
    }

    /**
     * Cumulative repeat purchases per time unit since the first calibration day, against the model's expectation
     * for the same customers, each counted from its first purchase: Σ E[X(t − first purchase)].
     */
    private List<HoldoutComparison.TrackingPoint> tracking(PurchaseModel model, double unitDays) {
        java.util.TreeMap<Integer, Integer> byFirstDay = new java.util.TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            byFirstDay.merge(data.calibrationEndDay - data.ageDays[i], 1, Integer::sum);
        }
        List<HoldoutComparison.TrackingPoint> points = new ArrayList<>();
        long actual = 0;
        for (int unit = 1; unit <= data.repeatsPerUnit.length; unit++) {
            actual += data.repeatsPerUnit[unit - 1];
            double at = data.calibrationStartDay + unit * unitDays;
            double expected = 0;
            for (var entry : byFirstDay.entrySet()) {
                double since = (at - entry.getKey()) / unitDays;
                if (since > 0) {
                    expected += entry.getValue() * model.expectedPurchases(since);
                }
            }
            boolean holdout = at - 1 > data.calibrationEndDay;
            points.add(new HoldoutComparison.TrackingPoint(unit, holdout, actual, expected));
        }
        return points;
    }

    private BigDecimal overallShare() {
        long revenue = 0;
        long profit = 0;
        for (int i = 0; i < data.size(); i++) {
            revenue += data.revenueCents[i];
            profit += data.netProfitCents[i];
        }
        return revenue > 0 ? BigDecimal.valueOf(profit).divide(BigDecimal.valueOf(revenue), SHARE) : BigDecimal.ONE;
    }

    private BigDecimal share(int customer, BigDecimal overall) {
        long revenue = data.revenueCents[customer];
        return revenue > 0 ? BigDecimal.valueOf(data.netProfitCents[customer]).divide(BigDecimal.valueOf(revenue), SHARE)
                : overall;
    }

    private double averageRepeatValue() {
        long value = 0;
        long purchases = 0;
        for (int i = 0; i < data.size(); i++) {
            value += data.valueCents[i];
            purchases += data.frequency[i];
        }
        return purchases == 0 ? 0 : value / 100.0 / purchases;
    }

    /** A model's expectation as money: rounded to the cent, half-even, as the stored amounts. */
    private static BigDecimal money(double amount) {
        if (!Double.isFinite(amount)) {
            throw new ArithmeticException("a forecast amount is not finite: " + amount);
        }
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal profit(BigDecimal value, BigDecimal share) {
        return value.multiply(share).setScale(2, RoundingMode.HALF_EVEN);
    }
}
