package org.moneytree.analysis.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;

import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.archive.ServiceActivity;
import org.moneytree.api.profit.ActivityRate;
import org.moneytree.api.profit.AnalysisException;
import org.moneytree.api.profit.AnalysisRequest;
import org.moneytree.api.profit.CostModel;
import org.moneytree.api.profit.CostModelInfo;
import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.PeriodLength;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitTotals;
import org.moneytree.api.profit.ProfitabilityService;
import org.moneytree.api.purchase.PurchaseStore;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentServiceObjects;
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

    /**
     * The stores, got when an analysis needs them: activating them opens the workspace database (H2 or
     * PostgreSQL, Flyway, EclipseLink: a second or two), which an analysis of a file does beside its scan.
     */
    private final ComponentServiceObjects<PurchaseStore> stores;
    private final ComponentServiceObjects<CustomerArchive> archives;
    private final Set<String> strategicCategories;
    private final int threads;
    private final Map<Long, Registered> costModels = new ConcurrentSkipListMap<>();

    @Activate
    public ProfitabilityEngine(@Reference(service = PurchaseStore.class) ComponentServiceObjects<PurchaseStore> stores,
            @Reference(service = CustomerArchive.class) ComponentServiceObjects<CustomerArchive> archives,
            AnalysisConfiguration configuration) {
        this.stores = stores;
        this.archives = archives;
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
        PurchaseStore store = stores.getService();
        try {
            store.forEachPurchase(dataset, builder::add);
        } finally {
            stores.ungetService(store);
        }
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
        // The archive (and with it the database) is opened beside the file's scan, on another thread.
        CompletableFuture<CustomerArchive> archiveReady = new CompletableFuture<>();
        Thread opening = new Thread(() -> {
            try {
                CustomerArchive archive = archives.getService();
                if (archive == null) {
                    throw new IllegalStateException("the workspace database is not available; the platform's log"
                            + " (.metadata/.log in the workspace) says why");
                }
                archiveReady.complete(archive);
            } catch (RuntimeException | Error e) {
                archiveReady.completeExceptionally(e);
            }
        }, "moneytree-open-archive");
        opening.start();
        CustomerArchive archive = null;
        try {
            PurchaseTotals totals;
            if (request.purchaseFile() != null) {
                totals = PurchaseScan.fromFile(request.purchaseFile(), request.length(), null, null,
                        strategicCategories, threads);
            } else {
                PurchaseScan.Builder builder = PurchaseScan.builder(request.length(), null, null, strategicCategories);
                PurchaseStore store = stores.getService();
                try {
                    store.forEachPurchase(request.dataset(), builder::add);
                } finally {
                    stores.ungetService(store);
                }
                totals = builder.finish();
            }
            archive = opened(archiveReady);
            List<Period> periods = request.periods().isEmpty() ? totals.periods() : request.periods();
            if (periods.isEmpty()) {
                return List.of();
            }
            Activities activities = activities(archive, request.dataset(), new TreeSet<>(periods), pricing);
            Map<String, LocalDate> firstContacts = firstContacts(archive, request.dataset());
            CustomerOrder order = customerOrder(totals, activities, threads);
            totals = null; // replaced by the renumbered copy: a hundred megabytes on ten million lines
            // the periods side by side: each reads the shared totals and builds its own columns
            return periods.parallelStream()
                    .map(period -> report(request.dataset(), period, order.totals(), activities, firstContacts,
                            pricing, order))
                    .toList();
        } finally {
            if (archive == null) {
                try {
                    archive = opened(archiveReady);
                } catch (RuntimeException e) {
                    // the analysis failed already, or the archive did not open: nothing to give back
                }
            }
            if (archive != null) {
                archives.ungetService(archive);
            }
        }
    }

    private static CustomerArchive opened(CompletableFuture<CustomerArchive> archive) {
        try {
            return archive.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the customer archive", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("cannot open the customer archive: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Every customer with purchases or activities, sorted by id, with its position in {@code totals} (-1 for a
     * customer with activities only); the totals renumbered in the same order, so that reports read them front
     * to back. Made once, not once per period.
     */
    private record CustomerOrder(String[] ids, int[] positions, PurchaseTotals totals) {
    }

    private static CustomerOrder customerOrder(PurchaseTotals scanned, Activities activities, int threads) {
        int inTotals = scanned.customerCount();
        Set<String> activityOnly = new TreeSet<>();
        activities.quantities().values().forEach(byCustomer -> byCustomer.keySet().forEach(id -> {
            if (scanned.customerIndex(id) < 0) {
                activityOnly.add(id);
            }
        }));
        String[] ids = new String[inTotals + activityOnly.size()];
        for (int customer = 0; customer < inTotals; customer++) {
            ids[customer] = scanned.customerId(customer);
        }
        int next = inTotals;
        for (String id : activityOnly) {
            ids[next++] = id;
        }
        int[] order = CustomerIds.sortedOrder(ids);
        String[] sorted = new String[ids.length];
        int[] positions = new int[ids.length];
        int[] totalsOrder = new int[inTotals];
        int renumbered = 0;
        for (int index = 0; index < order.length; index++) {
            sorted[index] = ids[order[index]];
            if (order[index] < inTotals) {
                totalsOrder[renumbered] = order[index];
                positions[index] = renumbered++;
            } else {
                positions[index] = -1;
            }
        }
        return new CustomerOrder(sorted, positions, scanned.inOrder(totalsOrder, threads));
    }

    /** The activity quantities of the periods analysed: period, customer, activity type. */
    private record Activities(Map<Period, Map<String, Map<String, BigDecimal>>> quantities) {
    }

    private static Activities activities(CustomerArchive archive, String dataset, TreeSet<Period> periods,
            Pricing pricing) throws AnalysisException {
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

    private static Map<String, LocalDate> firstContacts(CustomerArchive archive, String dataset) {
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
        int periodIndex = totals.periodIndex(period);
        int previousIndex = totals.periodIndex(period.previous());
        int lastMonth = PurchaseTotals.monthKey(YearMonth.from(period.lastDay()));
        ActivityRate orderLine = pricing.rates().get(CostModel.ORDER_LINE);
        ActivityRate returnLine = pricing.rates().get(CostModel.RETURN_LINE);
        // The report's customers in columns, money in cents: a million CustomerProfit records with BigDecimal
        // money took seconds to build and as long again to read; records are made only for those asked for.
        // exactly the period's customers: columns made longer and cut to size were each made twice
        int capacity = customersIn(totals, periodIndex, periodActivities);
        String[] ids = new String[capacity];
        long[] revenueColumn = new long[capacity];
        long[] costOfGoodsColumn = new long[capacity];
        long[] costToServeColumn = new long[capacity];
        long[] previousColumn = new long[capacity];
        long[] strategicColumn = new long[capacity];
        int[] linesColumn = new int[capacity];
        int[] returnsColumn = new int[capacity];
        int[] firstColumn = new int[capacity];
        int[] lastColumn = new int[capacity];
        int[] sinceColumn = new int[capacity];
        byte[] monthsColumn = new byte[capacity];
        long[] orderLineCents = orderLine == null ? null : new long[capacity];
        long[] returnLineCents = returnLine == null ? null : new long[capacity];
        TreeMap<String, long[]> archiveCents = new TreeMap<>();
        TreeMap<String, BigDecimal[]> archiveQuantities = new TreeMap<>();
        BigDecimal share = pricing.costOfGoodsShare();
        long orderLineRate = rateCents(orderLine);
        long returnLineRate = rateCents(returnLine);
        long lines = 0;
        long totalRevenue = 0;
        long totalCostOfGoods = 0;
        long totalCostToServe = 0;
        long totalOrderLines = 0;
        long totalReturnLines = 0;
        int profitable = 0;
        int count = 0;
        for (int position = 0; position < order.ids().length; position++) {
            String id = order.ids()[position];
            int customer = order.positions()[position];
            int slot = customer < 0 || periodIndex < 0 ? -1 : slotOf(totals, customer, periodIndex);
            Map<String, BigDecimal> used = periodActivities.isEmpty() ? null : periodActivities.get(id);
            if (slot < 0 && used == null) {
                continue;
            }
            long revenue = 0;
            long costOfGoods = 0;
            long strategic = 0;
            int purchaseLines = 0;
            int returnLines = 0;
            int first = CustomerFigures.NO_DAY;
            int last = CustomerFigures.NO_DAY;
            long costToServe = 0;
            if (slot >= 0) {
                revenue = totals.revenueCents(slot);
                costOfGoods = totals.costOfGoodsCents(slot);
                long withoutCost = totals.revenueWithoutCostCents(slot);
                if (withoutCost != 0 && share.signum() != 0) {
                    costOfGoods += Cents.share(withoutCost, share);
                }
                strategic = totals.strategicRevenueCents(slot);
                purchaseLines = totals.lines(slot);
                returnLines = totals.returnLines(slot);
                first = totals.firstDay(slot);
                last = totals.lastDay(slot);
                if (orderLine != null && purchaseLines > 0) {
                    long lineCents = lineCents(orderLine, orderLineRate, purchaseLines);
                    orderLineCents[count] = lineCents;
                    costToServe += lineCents;
                    totalOrderLines += lineCents;
                }
                if (returnLine != null && returnLines > 0) {
                    long lineCents = lineCents(returnLine, returnLineRate, returnLines);
                    returnLineCents[count] = lineCents;
                    costToServe += lineCents;
                    totalReturnLines += lineCents;
                }
            }
            if (used != null) {
                int at = count;
                for (Map.Entry<String, BigDecimal> entry : used.entrySet()) {
                    long lineCents = Cents.of(entry.getValue().multiply(pricing.rates().get(entry.getKey()).rate()));
                    archiveCents.computeIfAbsent(entry.getKey(), type -> new long[capacity])[at] = lineCents;
                    archiveQuantities.computeIfAbsent(entry.getKey(), type -> new BigDecimal[capacity])[at]
                            = entry.getValue();
                    costToServe += lineCents;
                }
            }
            int previousSlot = customer < 0 || previousIndex < 0 ? -1 : slotOf(totals, customer, previousIndex);
            LocalDate contact = firstContacts.isEmpty() ? null : firstContacts.get(id);
            int since = customer < 0 ? CustomerFigures.NO_DAY : totals.firstPurchaseDay(customer);
            if (contact != null && (since == CustomerFigures.NO_DAY || contact.toEpochDay() < since)) {
                since = Math.toIntExact(contact.toEpochDay());
            }
            ids[count] = id;
            revenueColumn[count] = revenue;
            costOfGoodsColumn[count] = costOfGoods;
            costToServeColumn[count] = costToServe;
            previousColumn[count] = previousSlot < 0 ? 0 : totals.revenueCents(previousSlot);
            strategicColumn[count] = strategic;
            linesColumn[count] = purchaseLines;
            returnsColumn[count] = returnLines;
            firstColumn[count] = first;
            lastColumn[count] = last;
            sinceColumn[count] = since;
            monthsColumn[count] = (byte) (customer < 0 ? 0 : totals.activeMonths(customer, lastMonth));
            count++;
            long profit = revenue - costOfGoods - costToServe;
            lines += purchaseLines;
            totalRevenue += revenue;
            totalCostOfGoods += costOfGoods;
            totalCostToServe += costToServe;
            profitable += profit > 0 ? 1 : 0;
        }
        int size = count;
        if (size != capacity) {
            throw new IllegalStateException("counted " + capacity + " customers in " + period + ", found " + size);
        }
        // derived activities first, then the archive's by type: a customer's cost lines are its used columns in
        // this order, sorted stably by type, as they always were
        List<CustomerFigures.CostColumn> columns = new ArrayList<>();
        Map<String, long[]> costByActivity = new TreeMap<>();
        if (orderLine != null) {
            columns.add(new CustomerFigures.CostColumn(orderLine.activityType(), orderLine.rate(),
                    orderLineCents, linesColumn.clone(), null));
            if (totalOrderLines != 0 || anyPositive(linesColumn, size)) {
                costByActivity.computeIfAbsent(orderLine.activityType(), type -> new long[1])[0] += totalOrderLines;
            }
        }
        if (returnLine != null) {
            columns.add(new CustomerFigures.CostColumn(returnLine.activityType(), returnLine.rate(),
                    returnLineCents, returnsColumn.clone(), null));
            if (totalReturnLines != 0 || anyPositive(returnsColumn, size)) {
                costByActivity.computeIfAbsent(returnLine.activityType(), type -> new long[1])[0] += totalReturnLines;
            }
        }
        for (Map.Entry<String, long[]> entry : archiveCents.entrySet()) {
            long[] cents = entry.getValue();
            columns.add(new CustomerFigures.CostColumn(entry.getKey(), pricing.rates().get(entry.getKey()).rate(),
                    cents, null, archiveQuantities.get(entry.getKey())));
            long sum = 0;
            for (long value : cents) {
                sum += value;
            }
            costByActivity.computeIfAbsent(entry.getKey(), type -> new long[1])[0] += sum;
        }
        Map<String, BigDecimal> byActivity = new TreeMap<>();
        costByActivity.forEach((type, sum) -> byActivity.put(type, BigDecimal.valueOf(sum[0], 2)));
        long[] revenueCents = revenueColumn;
        long[] costOfGoodsCents = costOfGoodsColumn;
        long[] costToServeCents = costToServeColumn;
        long[] profitCents = new long[size];
        for (int index = 0; index < size; index++) {
            profitCents[index] = revenueCents[index] - costOfGoodsCents[index] - costToServeCents[index];
        }
        CustomerFigures figures = new CustomerFigures(period, ids, revenueCents, costOfGoodsCents, costToServeCents,
                previousColumn, strategicColumn, linesColumn, returnsColumn, firstColumn, lastColumn, sinceColumn,
                monthsColumn, columns);
        ProfitTotals sums = new ProfitTotals(size, lines, BigDecimal.valueOf(totalRevenue, 2),
                BigDecimal.valueOf(totalCostOfGoods, 2), BigDecimal.valueOf(totalCostToServe, 2), byActivity, profitable);
        return new ProfitReport(dataset, period, pricing.id(), figures, sums,
                Concentrations.of(revenueCents, profitCents));
    }

    /** How many customers a period's report has: those with purchases in it, and those with activities only. */
    private static int customersIn(PurchaseTotals totals, int periodIndex,
            Map<String, Map<String, BigDecimal>> periodActivities) {
        int count = 0;
        if (periodIndex >= 0) {
            for (int slot = 0, slots = totals.slotCount(); slot < slots; slot++) {
                if (totals.slotPeriodIndex(slot) == periodIndex) {
                    count++;
                }
            }
        }
        for (String id : periodActivities.keySet()) {
            int customer = totals.customerIndex(id);
            if (customer < 0 || periodIndex < 0 || slotOf(totals, customer, periodIndex) < 0) {
                count++;
            }
        }
        return count;
    }

    /** The customer's slot of a period, or -1: a look along its few slots (one per period with purchases). */
    private static int slotOf(PurchaseTotals totals, int customer, int periodIndex) {
        int end = totals.slotsEnd(customer);
        for (int slot = totals.slotsStart(customer); slot < end; slot++) {
            int here = totals.slotPeriodIndex(slot);
            if (here >= periodIndex) {
                return here == periodIndex ? slot : -1;
            }
        }
        return -1;
    }

    private static boolean anyPositive(int[] counts, int size) {
        for (int index = 0; index < size; index++) {
            if (counts[index] > 0) {
                return true;
            }
        }
        return false;
    }

    /** A rate in whole cents, or -1 when it has none or finer fractions. */
    private static long rateCents(ActivityRate rate) {
        if (rate == null || rate.rate().scale() > 2) {
            return -1;
        }
        try {
            return rate.rate().movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            return -1;
        }
    }

    /** Count times rate, rounded half-even to the cent: exact in cents when the rate is. */
    private static long lineCents(ActivityRate rate, long rateCents, int count) {
        if (rateCents >= 0) {
            long high = Math.multiplyHigh(rateCents, count);
            long product = rateCents * count;
            if (high == 0 && product >= 0) {
                return product;
            }
        }
        return Cents.of(rate.rate().multiply(BigDecimal.valueOf(count)));
    }
}
