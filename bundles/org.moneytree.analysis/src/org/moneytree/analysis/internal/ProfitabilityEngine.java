package org.moneytree.analysis.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.ServiceActivity;
import org.moneytree.api.profit.ActivityRate;
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.CostLine;
import org.moneytree.api.profit.CostModel;
import org.moneytree.api.profit.CostModelInfo;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitTotals;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.purchase.PurchaseStore;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The profitability analysis: one pass over the purchases (stored, or a CSV file read by the parallel
 * {@link PurchaseScan}), the archive's service activities priced by a {@link CostModel} from the
 * whiteboard, and per period every customer's profit and the concentration curves.
 */
@Component(service = ProfitabilityService.class, configurationPid = ProfitabilityEngine.PID)
@Designate(ocd = AnalysisConfiguration.class)
public final class ProfitabilityEngine implements ProfitabilityService {

    static final String PID = "org.moneytree.analysis";

    private record Registered(CostModel model, String bundle) {
    }

    private final PurchaseStore store;
    private final CustomerArchive archive;
    private final Set<String> strategicCategories;
    private final int threads;
    private final Map<Long, Registered> costModels = new ConcurrentSkipListMap<>();

    @Activate
    public ProfitabilityEngine(@Reference PurchaseStore store, @Reference CustomerArchive archive,
            AnalysisConfiguration configuration) {
        this.store = store;
        this.archive = archive;
        Set<String> categories = new HashSet<>();
        for (String value : configuration.strategicCategories()) {
            for (String category : value.split(",")) {
                if (!category.isBlank()) {
                    categories.add(category.strip());
                }
            }
        }
        this.strategicCategories = Set.copyOf(categories);
        this.threads = configuration.threads() > 0 ? configuration.threads()
                : Runtime.getRuntime().availableProcessors();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCostModel(CostModel model, ServiceReference<CostModel> reference) {
        costModels.put((Long) reference.getProperty(Constants.SERVICE_ID),
                new Registered(model, reference.getBundle().getSymbolicName()));
    }

    void removeCostModel(ServiceReference<CostModel> reference) {
        costModels.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    /** The cost models by id; of two with one id, the earlier registered. */
    private Map<String, Registered> modelsById() {
        Map<String, Registered> byId = new TreeMap<>();
        for (Registered registered : costModels.values()) {
            try {
                byId.putIfAbsent(registered.model().id(), registered);
            } catch (RuntimeException e) {
                // a model that cannot say its id cannot be chosen; costModels(locale) lists the others
            }
        }
        return byId;
    }

    @Override
    public List<CostModelInfo> costModels(Locale locale) {
        List<CostModelInfo> infos = new ArrayList<>();
        modelsById().forEach((id, registered) -> {
            try {
                infos.add(new CostModelInfo(id, registered.model().name(locale), registered.model().rates(),
                        registered.bundle()));
            } catch (RuntimeException e) {
                infos.add(new CostModelInfo(id, id + " (failed: " + e + ")", List.of(), registered.bundle()));
            }
        });
        return infos;
    }

    @Override
    public List<Period> periods(String dataset, PeriodLength length) {
        PurchaseScan.Builder builder = PurchaseScan.builder(length, null, null, strategicCategories);
        store.forEachPurchase(dataset, builder::add);
        return builder.finish().periods();
    }

    /** A cost model's rates, read once and checked. */
    private record Pricing(String id, Map<String, ActivityRate> rates, BigDecimal costOfGoodsShare) {
    }

    private Pricing pricing(String id) throws AnalysisException {
        Map<String, Registered> models = modelsById();
        Registered registered = models.get(id);
        if (registered == null) {
            throw new AnalysisException("no cost model '" + id + "'; installed cost models: "
                    + (models.isEmpty() ? "none" : String.join(", ", models.keySet())));
        }
        try {
            Map<String, ActivityRate> rates = new HashMap<>();
            for (ActivityRate rate : registered.model().rates()) {
                if (rates.put(rate.activityType(), rate) != null) {
                    throw new IllegalStateException("activity type " + rate.activityType() + " has two rates");
                }
            }
            BigDecimal share = registered.model().costOfGoodsShare();
            if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalStateException("cost of goods share " + share + " is not from 0 to 1");
            }
            return new Pricing(id, rates, share);
        } catch (RuntimeException | LinkageError e) {
            throw new AnalysisException("cost model '" + id + "' from plugin " + registered.bundle() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<ProfitReport> analyze(AnalysisRequest request) throws AnalysisException {
        Pricing pricing = pricing(request.costModel());
        PurchaseTotals totals;
        if (request.purchaseFile() != null) {
            totals = PurchaseScan.fromFile(request.purchaseFile(), request.length(), null, null,
                    strategicCategories, threads);
        } else {
            PurchaseScan.Builder builder = PurchaseScan.builder(request.length(), null, null, strategicCategories);
            store.forEachPurchase(request.dataset(), builder::add);
            totals = builder.finish();
        }
        List<Period> periods = request.periods().isEmpty() ? totals.periods() : request.periods();
        if (periods.isEmpty()) {
            return List.of();
        }
        Activities activities = activities(request.dataset(), new TreeSet<>(periods), pricing);
        Map<String, LocalDate> firstContacts = firstContacts(request.dataset());
        List<ProfitReport> reports = new ArrayList<>(periods.size());
        CustomerOrder order = customerOrder(totals, activities);
        for (Period period : periods) {
            reports.add(report(request.dataset(), period, totals, activities, firstContacts, pricing, order));
        }
        return reports;
    }

    /**
     * Every customer with purchases or activities, sorted by id, with its position in the totals (-1 for a
     * customer with activities only). Looked up once, not once per period.
     */
    private record CustomerOrder(String[] ids, int[] positions) {
    }

    private static CustomerOrder customerOrder(PurchaseTotals totals, Activities activities) {
        List<String> ids = new ArrayList<>(totals.customerCount());
        for (int customer = 0; customer < totals.customerCount(); customer++) {
            ids.add(totals.customerId(customer));
        }
        Set<String> activityOnly = new TreeSet<>();
        activities.quantities().values().forEach(byCustomer -> byCustomer.keySet().forEach(id -> {
            if (totals.customerIndex(id) < 0) {
                activityOnly.add(id);
            }
        }));
        ids.addAll(activityOnly);
        String[] sorted = ids.toArray(String[]::new);
        Arrays.parallelSort(sorted);
        int[] positions = new int[sorted.length];
        for (int index = 0; index < sorted.length; index++) {
            positions[index] = totals.customerIndex(sorted[index]);
        }
        return new CustomerOrder(sorted, positions);
    }

    /** The activity quantities of the periods analysed: period, customer, activity type. */
    private record Activities(Map<Period, Map<String, Map<String, BigDecimal>>> quantities) {
    }

    private Activities activities(String dataset, TreeSet<Period> periods, Pricing pricing) throws AnalysisException {
        Map<Period, Map<String, Map<String, BigDecimal>>> quantities = new HashMap<>();
        if (archive.count(dataset, ServiceActivity.class) == 0) {
            return new Activities(quantities);
        }
        Map<String, List<ServiceActivity>> unpriced = new TreeMap<>();
        PeriodLength length = periods.first().length();
        LocalDate from = periods.first().start();
        LocalDate until = periods.last().end();
        archive.forEach(dataset, ServiceActivity.class, activity -> {
            if (activity.date().isBefore(from) || !activity.date().isBefore(until)) {
                return;
            }
            Period period = Period.containing(length, activity.date());
            if (!periods.contains(period)) {
                return;
            }
            if (!pricing.rates().containsKey(activity.type())) {
                unpriced.computeIfAbsent(activity.type(), type -> new ArrayList<>()).add(activity);
                return;
            }
            quantities.computeIfAbsent(period, key -> new HashMap<>())
                    .computeIfAbsent(activity.customerId(), key -> new TreeMap<>())
                    .merge(activity.type(), activity.quantity(), BigDecimal::add);
        });
        if (!unpriced.isEmpty()) {
            StringBuilder message = new StringBuilder("the cost model '" + pricing.id()
                    + "' has no rate for activity type");
            message.append(unpriced.size() == 1 ? " " : "s ");
            List<String> parts = new ArrayList<>();
            unpriced.forEach((type, examples) -> {
                ServiceActivity first = examples.get(0);
                parts.add("'" + type + "' (" + examples.size() + " record" + (examples.size() == 1 ? "" : "s")
                        + ", first: customer " + first.customerId() + " on " + first.date() + ")");
            });
            message.append(String.join(", ", parts)).append("; add a rate (for the standard model: the 'rates' in"
                    + " conf/org.moneytree.costing.cfg) or choose another cost model. Priced types: ")
                    .append(String.join(", ", new TreeSet<>(pricing.rates().keySet())));
            throw new AnalysisException(message.toString());
        }
        return new Activities(quantities);
    }

    private Map<String, LocalDate> firstContacts(String dataset) {
        Map<String, LocalDate> contacts = new HashMap<>();
        if (archive.count(dataset, Customer.class) > 0) {
            archive.forEach(dataset, Customer.class, customer -> {
                if (customer.firstContact() != null) {
                    contacts.put(customer.id(), customer.firstContact());
                }
            });
        }
        return contacts;
    }

    private static ProfitReport report(String dataset, Period period, PurchaseTotals totals, Activities activities,
            Map<String, LocalDate> firstContacts, Pricing pricing, CustomerOrder order) {
        Map<String, Map<String, BigDecimal>> periodActivities = activities.quantities().getOrDefault(period, Map.of());
        Period previous = period.previous();
        YearMonth lastMonth = YearMonth.from(period.lastDay());
        ActivityRate orderLine = pricing.rates().get(CostModel.ORDER_LINE);
        ActivityRate returnLine = pricing.rates().get(CostModel.RETURN_LINE);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        List<CustomerProfit> customers = new ArrayList<>();
        // sums and curves in cents: a million BigDecimal additions and conversions per period cost seconds
        Map<String, long[]> costByActivity = new HashMap<>();
        long[] revenueCents = new long[order.ids().length];
        long[] profitCents = new long[order.ids().length];
        long lines = 0;
        long totalRevenue = 0;
        long totalCostOfGoods = 0;
        long totalCostToServe = 0;
        int profitable = 0;
        for (int position = 0; position < order.ids().length; position++) {
            String id = order.ids()[position];
            int customer = order.positions()[position];
            int slot = customer < 0 ? -1 : totals.slot(customer, period);
            Map<String, BigDecimal> used = periodActivities.get(id);
            if (slot < 0 && used == null) {
                continue;
            }
            List<CostLine> costs = new ArrayList<>(used == null ? 2 : used.size() + 2);
            long revenue = 0;
            long costOfGoods = 0;
            long strategic = 0;
            int purchaseLines = 0;
            int returnLines = 0;
            LocalDate first = null;
            LocalDate last = null;
            if (slot >= 0) {
                revenue = totals.revenueCents(slot);
                costOfGoods = totals.costOfGoodsCents(slot);
                if (totals.revenueWithoutCostCents(slot) != 0 && pricing.costOfGoodsShare().signum() != 0) {
                    costOfGoods += cents(BigDecimal.valueOf(totals.revenueWithoutCostCents(slot), 2)
                            .multiply(pricing.costOfGoodsShare()));
                }
                strategic = totals.strategicRevenueCents(slot);
                purchaseLines = totals.lines(slot);
                returnLines = totals.returnLines(slot);
                first = totals.slotFirstPurchase(slot);
                last = totals.slotLastPurchase(slot);
                if (orderLine != null && purchaseLines > 0) {
                    costs.add(cost(orderLine, BigDecimal.valueOf(purchaseLines)));
                }
                if (returnLine != null && returnLines > 0) {
                    costs.add(cost(returnLine, BigDecimal.valueOf(returnLines)));
                }
            }
            if (used != null) {
                used.forEach((type, quantity) -> costs.add(cost(pricing.rates().get(type), quantity)));
                costs.sort(Comparator.comparing(CostLine::activityType));
            }
            long costToServe = 0;
            for (CostLine line : costs) {
                long lineCents = cents(line.cost());
                costToServe += lineCents;
                costByActivity.computeIfAbsent(line.activityType(), type -> new long[1])[0] += lineCents;
            }
            int previousSlot = customer < 0 ? -1 : totals.slot(customer, previous);
            BigDecimal previousRevenue = previousSlot < 0 ? zero : BigDecimal.valueOf(totals.revenueCents(previousSlot), 2);
            LocalDate since = earliest(customer < 0 ? null : totals.firstPurchase(customer), firstContacts.get(id));
            int activeMonths = customer < 0 ? 0 : totals.activeMonths(customer, lastMonth);
            long profit = revenue - costOfGoods - costToServe;
            revenueCents[customers.size()] = revenue;
            profitCents[customers.size()] = profit;
            customers.add(new CustomerProfit(id, period, BigDecimal.valueOf(revenue, 2), BigDecimal.valueOf(costOfGoods, 2),
                    BigDecimal.valueOf(costToServe, 2), costs, purchaseLines, returnLines, first, last, previousRevenue,
                    since, activeMonths, BigDecimal.valueOf(strategic, 2)));
            lines += purchaseLines;
            totalRevenue += revenue;
            totalCostOfGoods += costOfGoods;
            totalCostToServe += costToServe;
            profitable += profit > 0 ? 1 : 0;
        }
        Map<String, BigDecimal> byActivity = new TreeMap<>();
        costByActivity.forEach((type, sum) -> byActivity.put(type, BigDecimal.valueOf(sum[0], 2)));
        ProfitTotals sums = new ProfitTotals(customers.size(), lines, BigDecimal.valueOf(totalRevenue, 2),
                BigDecimal.valueOf(totalCostOfGoods, 2), BigDecimal.valueOf(totalCostToServe, 2), byActivity, profitable);
        return new ProfitReport(dataset, period, pricing.id(), customers, sums,
                Concentrations.of(Arrays.copyOf(revenueCents, customers.size()),
                        Arrays.copyOf(profitCents, customers.size())));
    }

    /** An amount in cents, rounded half-even. */
    private static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
    }

    private static CostLine cost(ActivityRate rate, BigDecimal quantity) {
        return new CostLine(rate.activityType(), quantity, rate.rate(),
                quantity.multiply(rate.rate()).setScale(2, RoundingMode.HALF_EVEN));
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
