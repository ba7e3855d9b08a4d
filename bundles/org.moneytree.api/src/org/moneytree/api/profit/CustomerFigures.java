package org.moneytree.api.profit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.TreeMap;

/**
 * The figures of a period's customers in columns: money in cents (long minor units), days as epoch days, one
 * array per figure. A {@link ProfitReport} of a million customers keeps its figures this way, and criteria,
 * tier schemes and writers that read every customer read the columns; a {@link CustomerProfit} record is made
 * only for the customer asked for ({@link #customer(int)}, {@link ProfitReport#customers()}). Customers are in
 * the report's order (by customer id). The arrays given to the constructor are taken, not copied, and must not
 * be changed afterwards.
 *
 * @since 1.1
 */
public final class CustomerFigures {

    /** The day of a customer without one: no purchase in the period, or no known start. */
    public static final int NO_DAY = Integer.MIN_VALUE;

    /**
     * One activity type's cost to serve for every customer. A customer uses the activity when its quantity is
     * there: a count above zero for an activity counted from purchase lines ({@code counts}), a quantity that is
     * not {@code null} for an activity of the archive ({@code quantities}).
     *
     * @param activityType the activity type's id
     * @param rate the cost model's rate per unit
     * @param cents per customer, quantity times rate rounded half-even, in cents; 0 when not used
     * @param counts per customer, the quantity as a count, or {@code null} when {@code quantities} are given
     * @param quantities per customer, the quantity or {@code null} when not used; {@code null} when
     *        {@code counts} are given
     */
    public record CostColumn(String activityType, BigDecimal rate, long[] cents, int[] counts, BigDecimal[] quantities) {

        public CostColumn {
            Objects.requireNonNull(activityType, "activityType");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(cents, "cents");
            if ((counts == null) == (quantities == null)) {
                throw new IllegalArgumentException("give either counts or quantities");
            }
        }

        /** Whether the customer at {@code index} used the activity. */
        public boolean used(int index) {
            return counts != null ? counts[index] > 0 : quantities[index] != null;
        }

        /** The customer's line of cost to serve; only for a customer that {@linkplain #used used} it. */
        public CostLine line(int index) {
            BigDecimal quantity = counts != null ? BigDecimal.valueOf(counts[index]) : quantities[index];
            return new CostLine(activityType, quantity, rate, BigDecimal.valueOf(cents[index], 2));
        }
    }

    private final Period period;
    private final String[] customerIds;
    private final long[] revenue;
    private final long[] costOfGoods;
    private final long[] costToServe;
    private final long[] previousRevenue;
    private final long[] strategicRevenue;
    private final int[] purchaseLines;
    private final int[] returnLines;
    private final int[] firstPurchase;
    private final int[] lastPurchase;
    private final int[] customerSince;
    private final byte[] activeMonths;
    private final List<CostColumn> costs;
    private final boolean costsNeedSorting;
    /** The records these figures were made from, when they were made from records. */
    private final List<CustomerProfit> records;
    private final List<CustomerProfit> view = new View();

    /**
     * @param period the period
     * @param customerIds the customers' ids, sorted
     * @param revenue revenue in cents
     * @param costOfGoods cost of goods in cents
     * @param costToServe cost to serve in cents: the sum of the customer's cost columns
     * @param previousRevenue revenue in the period before, in cents
     * @param strategicRevenue revenue in strategic categories, in cents
     * @param purchaseLines purchase lines
     * @param returnLines lines with negative revenue
     * @param firstPurchase epoch day of the first purchase in the period, or {@link #NO_DAY}
     * @param lastPurchase epoch day of the last purchase in the period, or {@link #NO_DAY}
     * @param customerSince epoch day since when the customer is one, or {@link #NO_DAY}
     * @param activeMonths of the twelve months ending with the period, how many had a purchase
     * @param costs the cost to serve by activity; a customer's {@link CustomerProfit#costs()} are its used
     *        columns in this order, sorted by activity type (stably: of two columns of one type, the earlier first)
     */
    public CustomerFigures(Period period, String[] customerIds, long[] revenue, long[] costOfGoods, long[] costToServe,
            long[] previousRevenue, long[] strategicRevenue, int[] purchaseLines, int[] returnLines,
            int[] firstPurchase, int[] lastPurchase, int[] customerSince, byte[] activeMonths, List<CostColumn> costs) {
        this(period, customerIds, revenue, costOfGoods, costToServe, previousRevenue, strategicRevenue, purchaseLines,
                returnLines, firstPurchase, lastPurchase, customerSince, activeMonths, costs, null);
    }

    private CustomerFigures(Period period, String[] customerIds, long[] revenue, long[] costOfGoods,
            long[] costToServe, long[] previousRevenue, long[] strategicRevenue, int[] purchaseLines,
            int[] returnLines, int[] firstPurchase, int[] lastPurchase, int[] customerSince, byte[] activeMonths,
            List<CostColumn> costs, List<CustomerProfit> records) {
        this.period = Objects.requireNonNull(period, "period");
        this.customerIds = customerIds;
        this.revenue = revenue;
        this.costOfGoods = costOfGoods;
        this.costToServe = costToServe;
        this.previousRevenue = previousRevenue;
        this.strategicRevenue = strategicRevenue;
        this.purchaseLines = purchaseLines;
        this.returnLines = returnLines;
        this.firstPurchase = firstPurchase;
        this.lastPurchase = lastPurchase;
        this.customerSince = customerSince;
        this.activeMonths = activeMonths;
        this.costs = List.copyOf(costs);
        this.records = records;
        int size = customerIds.length;
        for (Object column : new Object[] { revenue, costOfGoods, costToServe, previousRevenue, strategicRevenue,
                purchaseLines, returnLines, firstPurchase, lastPurchase, customerSince, activeMonths }) {
            if (java.lang.reflect.Array.getLength(Objects.requireNonNull(column, "a column")) != size) {
                throw new IllegalArgumentException("every column must have " + size + " customers");
            }
        }
        boolean unsorted = false;
        for (int column = 1; column < this.costs.size(); column++) {
            unsorted |= this.costs.get(column - 1).activityType().compareTo(this.costs.get(column).activityType()) > 0;
        }
        for (CostColumn column : this.costs) {
            if (column.cents().length != size || (column.counts() != null ? column.counts().length
                    : column.quantities().length) != size) {
                throw new IllegalArgumentException("cost column " + column.activityType() + " must have " + size
                        + " customers");
            }
        }
        this.costsNeedSorting = unsorted;
    }

    /**
     * The figures of records, for reports made from {@link CustomerProfit} records (by tests and plugins):
     * amounts rounded half-even to the cent, costs summed by activity type. {@link #customer(int)} gives back
     * the records themselves.
     */
    public static CustomerFigures of(Period period, List<CustomerProfit> customers) {
        int size = customers.size();
        String[] ids = new String[size];
        long[] revenue = new long[size];
        long[] costOfGoods = new long[size];
        long[] costToServe = new long[size];
        long[] previousRevenue = new long[size];
        long[] strategicRevenue = new long[size];
        int[] purchaseLines = new int[size];
        int[] returnLines = new int[size];
        int[] firstPurchase = new int[size];
        int[] lastPurchase = new int[size];
        int[] customerSince = new int[size];
        byte[] activeMonths = new byte[size];
        TreeMap<String, long[]> costCents = new TreeMap<>();
        TreeMap<String, BigDecimal[]> quantities = new TreeMap<>();
        TreeMap<String, BigDecimal> rates = new TreeMap<>();
        for (int index = 0; index < size; index++) {
            CustomerProfit customer = customers.get(index);
            ids[index] = customer.customerId();
            revenue[index] = cents(customer.revenue());
            costOfGoods[index] = cents(customer.costOfGoods());
            costToServe[index] = cents(customer.costToServe());
            previousRevenue[index] = cents(customer.previousRevenue());
            strategicRevenue[index] = cents(customer.strategicRevenue());
            purchaseLines[index] = customer.purchaseLines();
            returnLines[index] = customer.returnLines();
            firstPurchase[index] = day(customer.firstPurchase());
            lastPurchase[index] = day(customer.lastPurchase());
            customerSince[index] = day(customer.customerSince());
            activeMonths[index] = (byte) customer.activeMonths();
            for (CostLine line : customer.costs()) {
                int at = index;
                costCents.computeIfAbsent(line.activityType(), type -> new long[size])[at] += cents(line.cost());
                BigDecimal[] used = quantities.computeIfAbsent(line.activityType(), type -> new BigDecimal[size]);
                used[at] = used[at] == null ? line.quantity() : used[at].add(line.quantity());
                rates.putIfAbsent(line.activityType(), line.rate());
            }
        }
        List<CostColumn> costs = new ArrayList<>();
        costCents.forEach((type, cents) -> costs.add(new CostColumn(type, rates.get(type), cents, null,
                quantities.get(type))));
        return new CustomerFigures(period, ids, revenue, costOfGoods, costToServe, previousRevenue, strategicRevenue,
                purchaseLines, returnLines, firstPurchase, lastPurchase, customerSince, activeMonths, costs,
                List.copyOf(customers));
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    private static int day(LocalDate date) {
        return date == null ? NO_DAY : Math.toIntExact(date.toEpochDay());
    }

    private static LocalDate date(int day) {
        return day == NO_DAY ? null : LocalDate.ofEpochDay(day);
    }

    /**
     * Whether these figures were made from records ({@link #of}), whose amounts may have had another scale
     * than cents: a reader that must give back exactly what the records said reads the records then.
     */
    public boolean madeFromRecords() {
        return records != null;
    }

    public Period period() {
        return period;
    }

    /** The number of customers. */
    public int size() {
        return customerIds.length;
    }

    public String customerId(int index) {
        return customerIds[index];
    }

    public long revenueCents(int index) {
        return revenue[index];
    }

    public long costOfGoodsCents(int index) {
        return costOfGoods[index];
    }

    public long grossMarginCents(int index) {
        return revenue[index] - costOfGoods[index];
    }

    public long costToServeCents(int index) {
        return costToServe[index];
    }

    public long netProfitCents(int index) {
        return revenue[index] - costOfGoods[index] - costToServe[index];
    }

    public long previousRevenueCents(int index) {
        return previousRevenue[index];
    }

    public long strategicRevenueCents(int index) {
        return strategicRevenue[index];
    }

    public int purchaseLines(int index) {
        return purchaseLines[index];
    }

    public int returnLines(int index) {
        return returnLines[index];
    }

    /** Epoch day of the first purchase in the period, or {@link #NO_DAY}. */
    public int firstPurchaseDay(int index) {
        return firstPurchase[index];
    }

    /** Epoch day of the last purchase in the period, or {@link #NO_DAY}. */
    public int lastPurchaseDay(int index) {
        return lastPurchase[index];
    }

    /** Epoch day since when the customer is one, or {@link #NO_DAY}. */
    public int customerSinceDay(int index) {
        return customerSince[index];
    }

    public int activeMonths(int index) {
        return activeMonths[index];
    }

    /** The cost to serve by activity, in the order described at the constructor. */
    public List<CostColumn> costs() {
        return costs;
    }

    /**
     * The cents of the customer's first line of the activity type, as in its {@link CustomerProfit#costs()}; 0
     * when it used none of that type.
     */
    public long costCents(int index, String activityType) {
        for (CostColumn column : costs) {
            if (column.activityType().equals(activityType) && column.used(index)) {
                return column.cents()[index];
            }
        }
        return 0;
    }

    /** The position of a customer, or -1 when it is not there. */
    public int indexOf(String customerId) {
        return Math.max(-1, Arrays.binarySearch(customerIds, customerId));
    }

    /** The customer at {@code index} as a record, made now (or the record these figures were made from). */
    public CustomerProfit customer(int index) {
        if (records != null) {
            return records.get(index);
        }
        List<CostLine> lines = new ArrayList<>(2);
        for (CostColumn column : costs) {
            if (column.used(index)) {
                lines.add(column.line(index));
            }
        }
        if (costsNeedSorting && lines.size() > 1) {
            lines.sort(Comparator.comparing(CostLine::activityType));
        }
        return new CustomerProfit(customerIds[index], period, BigDecimal.valueOf(revenue[index], 2),
                BigDecimal.valueOf(costOfGoods[index], 2), BigDecimal.valueOf(costToServe[index], 2), lines,
                purchaseLines[index], returnLines[index], date(firstPurchase[index]), date(lastPurchase[index]),
                BigDecimal.valueOf(previousRevenue[index], 2), date(customerSince[index]), activeMonths[index],
                BigDecimal.valueOf(strategicRevenue[index], 2));
    }

    /** Every customer as a record, each made when it is read: an unmodifiable list. */
    public List<CustomerProfit> customers() {
        return view;
    }

    /** The customers as records, each made when read; {@link ProfitReport} recognises it and keeps it. */
    final class View extends AbstractList<CustomerProfit> implements RandomAccess {

        @Override
        public CustomerProfit get(int index) {
            Objects.checkIndex(index, customerIds.length);
            return customer(index);
        }

        @Override
        public int size() {
            return customerIds.length;
        }

        CustomerFigures figures() {
            return CustomerFigures.this;
        }
    }
}
