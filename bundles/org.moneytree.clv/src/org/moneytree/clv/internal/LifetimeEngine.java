package org.moneytree.clv.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.clv.FitDiagnostics;
import org.moneytree.api.clv.HoldoutComparison;
import org.moneytree.api.clv.LifetimeException;
import org.moneytree.api.clv.LifetimeFit;
import org.moneytree.api.clv.LifetimeFitStore;
import org.moneytree.api.clv.LifetimeForecast;
import org.moneytree.api.clv.LifetimeRequest;
import org.moneytree.api.clv.LifetimeService;
import org.moneytree.api.clv.ModelFamily;
import org.moneytree.api.clv.ModelFit;
import org.moneytree.api.clv.SectorLifetimeModel;
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.purchase.PurchaseStore;
import org.moneytree.clv.models.BgNbd;
import org.moneytree.clv.models.ContractHistories;
import org.moneytree.clv.models.Fitted;
import org.moneytree.clv.models.GammaGamma;
import org.moneytree.clv.models.MaximumLikelihood;
import org.moneytree.clv.models.ParetoNbd;
import org.moneytree.clv.models.PurchaseModel;
import org.moneytree.clv.models.RepeatPurchases;
import org.moneytree.clv.models.ShiftedBetaGeometric;
import org.moneytree.clv.models.SpendData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The lifetime service: reads a dataset's purchases (or contracts) into calibration summaries, fits the chosen
 * model family and the Gamma-Gamma spend model with the model library, keeps fit and summaries in the
 * {@link LifetimeFitStore}, and forecasts from the newest fit. Sector choices come from the
 * {@link SectorLifetimeModel} whiteboard.
 */
@Component(service = LifetimeService.class, configurationPid = LifetimeEngine.PID)
@Designate(ocd = LifetimeConfiguration.class)
public final class LifetimeEngine implements LifetimeService {

    static final String PID = "org.moneytree.clv";

    /** Days in an average month: horizons are counted in months of this length. */
    private static final double MONTH_DAYS = 365.25 / 12;

    private final PurchaseStore purchases;
    private final CustomerArchive archive;
    private final ProfitabilityService profitability;
    private final LifetimeFitStore store;
    private final ModelFamily defaultFamily;
    private final double defaultUnitDays;
    private final int defaultHorizonMonths;
    private final BigDecimal defaultDiscountRate;
    private final String costModel;
    private final Map<String, SectorLifetimeModel> sectors = new ConcurrentHashMap<>();
    /** The forecast criteria asked for last, by dataset: scoring asks once per period of an analysis. */
    private final Map<String, LifetimeForecast> recentForecasts = new ConcurrentHashMap<>();

    @Activate
    public LifetimeEngine(@Reference PurchaseStore purchases, @Reference CustomerArchive archive,
            @Reference ProfitabilityService profitability, @Reference LifetimeFitStore store,
            LifetimeConfiguration configuration) {
        this.purchases = purchases;
        this.archive = archive;
        this.profitability = profitability;
        this.store = store;
        ModelFamily family;
        try {
            family = ModelFamily.forId(configuration.family());
        } catch (IllegalArgumentException e) {
            family = ModelFamily.BG_NBD;
        }
        this.defaultFamily = family == ModelFamily.GAMMA_GAMMA ? ModelFamily.BG_NBD : family;
        this.defaultUnitDays = configuration.timeUnitDays() > 0 ? configuration.timeUnitDays() : 7;
        this.defaultHorizonMonths = Math.max(1, configuration.horizonMonths());
        BigDecimal rate;
        try {
            rate = new BigDecimal(configuration.annualDiscountRate().strip());
        } catch (NumberFormatException e) {
            rate = new BigDecimal("0.10");
        }
        this.defaultDiscountRate = rate.signum() < 0 ? BigDecimal.ZERO : rate;
        this.costModel = configuration.costModel();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSector(SectorLifetimeModel sector) {
        sectors.put(sector.id(), sector);
    }

    void removeSector(SectorLifetimeModel sector) {
        sectors.remove(sector.id(), sector);
    }

    @Override
    public List<SectorLifetimeModel> sectors() {
        List<SectorLifetimeModel> list = new ArrayList<>(sectors.values());
        list.sort(Comparator.comparing(SectorLifetimeModel::id));
        return list;
    }

    private SectorLifetimeModel sector(String id) {
        if (id == null) {
            return null;
        }
        SectorLifetimeModel sector = sectors.get(id);
        if (sector == null) {
            throw new LifetimeException("no sector '" + id + "' is installed (installed: "
                    + (sectors.isEmpty() ? "none" : String.join(", ", sectors().stream().map(SectorLifetimeModel::id)
                            .toList()))
                    + ")");
        }
        return sector;
    }

    @Override
    public LifetimeFit fit(LifetimeRequest request) {
        SectorLifetimeModel sector = sector(request.sector());
        ModelFamily family = request.family() != null ? request.family()
                : sector != null ? sector.family() : defaultFamily;
        if (family == ModelFamily.GAMMA_GAMMA) {
            throw new LifetimeException("sector '" + request.sector() + "' names gamma-gamma, which is a spend model:"
                    + " choose bg-nbd, pareto-nbd or sbg");
        }
        double unitDays = request.timeUnitDays() > 0 ? request.timeUnitDays()
                : sector != null ? sector.timeUnitDays()
                        : family == ModelFamily.SHIFTED_BETA_GEOMETRIC ? 365 : defaultUnitDays;
        String sectorId = sector == null ? null : sector.id();
        CalibrationData data;
        ModelFit transactions;
        ModelFit spend = null;
        if (family == ModelFamily.SHIFTED_BETA_GEOMETRIC) {
            data = ContractRenewals.read(archive, request.dataset(), request.calibrationEnd());
            addMargins(request.dataset(), data, true);
            transactions = fitContracts(data);
        } else {
            data = PurchaseHistories.read(purchases, request.dataset(), request.calibrationEnd(), request.holdoutEnd(),
                    unitDays);
            addMargins(request.dataset(), data, false);
            RepeatPurchases histories = histories(data, unitDays);
            try {
                Fitted<? extends PurchaseModel> fitted = family == ModelFamily.BG_NBD ? MaximumLikelihood.bgNbd(histories)
                        : MaximumLikelihood.paretoNbd(histories);
                transactions = new ModelFit(family, fitted.diagnostics());
            } catch (IllegalArgumentException e) {
                throw new LifetimeException("cannot fit " + family.id() + " to dataset '" + request.dataset() + "': "
                        + e.getMessage());
            }
            spend = fitSpend(data);
        }
        LifetimeFit fit = new LifetimeFit(0, request.dataset(), sectorId, LocalDate.ofEpochDay(data.calibrationStartDay),
                LocalDate.ofEpochDay(data.calibrationEndDay),
                data.holdoutEndDay < 0 ? null : LocalDate.ofEpochDay(data.holdoutEndDay), unitDays,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), transactions, spend);
        recentForecasts.remove(request.dataset());
        return store.save(fit, data.encode());
    }

    private static ModelFit fitContracts(CalibrationData data) {
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency[i] > 0) {
                n++;
            }
        }
        int[] periods = new int[n];
        boolean[] churned = new boolean[n];
        double[] weight = new double[n];
        for (int i = 0, k = 0; i < data.size(); i++) {
            // An active customer who has not completed a period yet says nothing about churn (S(0) = 1).
            if (data.frequency[i] > 0) {
                periods[k] = data.frequency[i];
                churned[k] = data.churned[i];
                weight[k] = 1;
                k++;
            }
        }
        try {
            Fitted<ShiftedBetaGeometric> fitted = MaximumLikelihood.shiftedBetaGeometric(
                    ContractHistories.of(periods, churned, weight));
            return new ModelFit(ModelFamily.SHIFTED_BETA_GEOMETRIC, fitted.diagnostics());
        } catch (IllegalArgumentException e) {
            throw new LifetimeException("cannot fit sbg: " + e.getMessage());
        }
    }

    private static ModelFit fitSpend(CalibrationData data) {
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
            if (data.frequency[i] > 0 && data.valueCents[i] > 0) {
                n++;
            }
        }
        int[] frequency = new int[n];
        double[] mean = new double[n];
        double[] weight = new double[n];
        for (int i = 0, k = 0; i < data.size(); i++) {
            if (data.frequency[i] > 0 && data.valueCents[i] > 0) {
                frequency[k] = data.frequency[i];
                mean[k] = data.valueCents[i] / 100.0 / data.frequency[i];
                weight[k] = 1;
                k++;
            }
        }
        try {
            return new ModelFit(ModelFamily.GAMMA_GAMMA, MaximumLikelihood.gammaGamma(SpendData.of(frequency, mean,
                    weight)).diagnostics());
        } catch (IllegalArgumentException e) {
            // The purchase model stands without a spend model; forecasts then use each customer's own average.
            return new ModelFit(ModelFamily.GAMMA_GAMMA, new FitDiagnostics(false, e.getMessage(), Double.NaN,
                    List.of(), List.of(), 0, 0, 0, 0, n, 0));
        }
    }

    static RepeatPurchases histories(CalibrationData data, double unitDays) {
        RepeatPurchases.Builder builder = RepeatPurchases.builder(unitDays);
        for (int i = 0; i < data.size(); i++) {
            builder.add(data.frequency[i], data.recencyDays[i], data.ageDays[i]);
        }
        return builder.build();
    }

    /**
     * Each customer's revenue and net profit (cost to serve included) over the years calibration touches, from the
     * profitability analysis. Contract datasets may have no purchases; their customers then keep all revenue.
     */
    private void addMargins(String dataset, CalibrationData data, boolean optional) {
        if (optional && purchases.purchaseCount(dataset) == 0) {
            return;
        }
        List<Period> years = new ArrayList<>();
        Period first = Period.containing(PeriodLength.YEAR, LocalDate.ofEpochDay(data.calibrationStartDay));
        Period last = Period.containing(PeriodLength.YEAR, LocalDate.ofEpochDay(data.calibrationEndDay));
        for (Period year = first; year.compareTo(last) <= 0; year = year.next()) {
            years.add(year);
        }
        List<ProfitReport> reports;
        try {
            reports = profitability.analyze(new AnalysisRequest(dataset, null, PeriodLength.YEAR, years, costModel));
        } catch (AnalysisException e) {
            throw new LifetimeException("cannot compute the net margins for lifetime profit with cost model '"
                    + costModel + "': " + e.getMessage(), e);
        }
        for (ProfitReport report : reports) {
            for (CustomerProfit customer : report.customers()) {
                int index = data.indexOf(customer.customerId());
                if (index >= 0) {
                    data.revenueCents[index] += cents(customer.revenue());
                    data.netProfitCents[index] += cents(customer.netProfit());
                }
            }
        }
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
    }

    @Override
    public List<LifetimeFit> fits(String dataset) {
        return store.fits(dataset);
    }

    @Override
    public Optional<LifetimeFit> latest(String dataset) {
        List<LifetimeFit> fits = store.fits(dataset);
        return fits.isEmpty() ? Optional.empty() : Optional.of(fits.get(fits.size() - 1));
    }

    @Override
    public LifetimeForecast forecast(String dataset, int horizonMonths, BigDecimal annualDiscountRate) {
        LifetimeFit fit = latest(dataset).orElseThrow(() -> new LifetimeException("dataset '" + dataset
                + "' has no lifetime fit yet: run moneytree clv fit --dataset " + dataset));
        requireUsable(fit);
        return forecast(fit, horizonMonths, annualDiscountRate);
    }

    private LifetimeForecast forecast(LifetimeFit fit, int horizonMonths, BigDecimal annualDiscountRate) {
        SectorLifetimeModel sector = fit.sector() == null ? null : sectors.get(fit.sector());
        int horizon = horizonMonths > 0 ? horizonMonths : sector != null ? sector.horizonMonths() : defaultHorizonMonths;
        BigDecimal rate = annualDiscountRate != null ? annualDiscountRate
                : sector != null ? sector.annualDiscountRate() : defaultDiscountRate;
        if (rate.signum() < 0) {
            throw new LifetimeException("the discount rate must not be negative: " + rate.toPlainString());
        }
        CalibrationData data = calibration(fit);
        return new Forecaster(fit, data, horizon, rate).forecast();
    }

    private CalibrationData calibration(LifetimeFit fit) {
        return CalibrationData.decode(store.calibration(fit.id()).orElseThrow(() -> new LifetimeException(
                "the calibration data of fit " + fit.id() + " is missing")));
    }

    private static void requireUsable(LifetimeFit fit) {
        if (!fit.usable()) {
            throw new LifetimeException("the newest fit of dataset '" + fit.dataset() + "' ("
                    + fit.transactions().family().id() + ", calibration to " + fit.calibrationEnd()
                    + ") did not converge: " + fit.transactions().diagnostics().problem()
                    + "; fit again with another model family or calibration period");
        }
    }

    @Override
    public Optional<LifetimeForecast> forecastAsOf(String dataset, LocalDate asOf) {
        try {
            LifetimeFit chosen = null;
            for (LifetimeFit fit : store.fits(dataset)) {
                if (fit.usable() && !fit.calibrationEnd().isAfter(asOf)) {
                    chosen = fit;
                }
            }
            if (chosen == null) {
                return Optional.empty();
            }
            LifetimeForecast recent = recentForecasts.get(dataset);
            if (recent != null && recent.fit().id() == chosen.id()) {
                return Optional.of(recent);
            }
            LifetimeForecast forecast = forecast(chosen, 0, null);
            recentForecasts.put(dataset, forecast);
            return Optional.of(forecast);
        } catch (RuntimeException e) {
            // Criteria fall back to their own measures; a broken fit must not stop an analysis.
            return Optional.empty();
        }
    }

    @Override
    public HoldoutComparison holdout(String dataset) {
        LifetimeFit fit = latest(dataset).orElseThrow(() -> new LifetimeException("dataset '" + dataset
                + "' has no lifetime fit yet: run moneytree clv fit --dataset " + dataset));
        requireUsable(fit);
        if (!fit.transactions().family().purchases()) {
            throw new LifetimeException("the holdout check compares purchases; the newest fit is a contract model");
        }
        if (fit.holdoutEnd() == null) {
            throw new LifetimeException("the newest fit of dataset '" + dataset + "' has no holdout period: fit with"
                    + " --calibration-end before the last purchase");
        }
        return new Forecaster(fit, calibration(fit), 1, BigDecimal.ZERO).holdout();
    }

    static PurchaseModel purchaseModel(ModelFit fit) {
        List<Double> p = fit.diagnostics().parameters();
        return fit.family() == ModelFamily.BG_NBD ? new BgNbd(p.get(0), p.get(1), p.get(2), p.get(3))
                : new ParetoNbd(p.get(0), p.get(1), p.get(2), p.get(3));
    }

    static GammaGamma spendModel(ModelFit fit) {
        if (fit == null || !fit.diagnostics().converged()) {
            return null;
        }
        List<Double> p = fit.diagnostics().parameters();
        return new GammaGamma(p.get(0), p.get(1), p.get(2));
    }

    static double monthInUnits(double unitDays) {
        return MONTH_DAYS / unitDays;
    }
}
