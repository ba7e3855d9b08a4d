package org.moneytree.core.tests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.moneytree.api.profit.Concentration;
import org.moneytree.api.profit.CostLine;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitTotals;
import org.moneytree.api.scoring.Scores;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Test helpers: the running framework's services and bundles, and customer profits made by hand. */
final class Services {

    private Services() {
    }

    static BundleContext context() {
        return FrameworkUtil.getBundle(Services.class).getBundleContext();
    }

    /** The service, waiting for it to appear (components register as their bundles start). */
    static <S> S get(Class<S> type) {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (service == null) {
                throw new AssertionError("no " + type.getName() + " service within 30 s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Bundle bundle(String symbolicName) {
        for (Bundle bundle : context().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }

    /** The period of the hand-made figures. */
    static final Period YEAR_2024 = Period.parse("2024");

    /** A customer of 2024 with one purchase, no cost of goods and no cost to serve. */
    static CustomerProfit customer(String id, String revenue) {
        return customer(id, revenue, 1, "2024-01-01", "2024-01-01");
    }

    static CustomerProfit customer(String id, String revenue, int purchases, String first, String last) {
        return profit(id, revenue, "0", "0", purchases, first, last);
    }

    /** A customer of 2024 with the given revenue, cost of goods and cost to serve (one cost line, "visit"). */
    static CustomerProfit profit(String id, String revenue, String costOfGoods, String costToServe, int purchases,
            String first, String last) {
        BigDecimal serve = new BigDecimal(costToServe).setScale(2);
        List<CostLine> costs = serve.signum() == 0 ? List.of()
                : List.of(new CostLine("visit", BigDecimal.ONE, serve, serve));
        return new CustomerProfit(id, YEAR_2024, new BigDecimal(revenue).setScale(2),
                new BigDecimal(costOfGoods).setScale(2), serve, costs, purchases, 0,
                first == null ? null : LocalDate.parse(first), last == null ? null : LocalDate.parse(last),
                BigDecimal.ZERO.setScale(2), first == null ? null : LocalDate.parse(first), 1, BigDecimal.ZERO.setScale(2));
    }

    /** A report of 2024 over the customers, sorted by id, with their totals and no concentration curves. */
    static ProfitReport report(List<CustomerProfit> customers) {
        List<CustomerProfit> sorted = new ArrayList<>(customers);
        sorted.sort(Comparator.comparing(CustomerProfit::customerId));
        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        BigDecimal costOfGoods = BigDecimal.ZERO.setScale(2);
        BigDecimal costToServe = BigDecimal.ZERO.setScale(2);
        long lines = 0;
        int profitable = 0;
        for (CustomerProfit customer : sorted) {
            revenue = revenue.add(customer.revenue());
            costOfGoods = costOfGoods.add(customer.costOfGoods());
            costToServe = costToServe.add(customer.costToServe());
            lines += customer.purchaseLines();
            profitable += customer.netProfit().signum() > 0 ? 1 : 0;
        }
        return new ProfitReport("handmade", YEAR_2024, "standard", sorted, new ProfitTotals(sorted.size(), lines, revenue,
                costOfGoods, costToServe, Map.of(), profitable), new Concentration(List.of(), List.of(), 0, 0, 0, 0, 0, 0));
    }

    /** Scores equal to each customer's revenue, so that ranking by score ranks by revenue. */
    static Scores scoresByRevenue(List<CustomerProfit> customers) {
        ProfitReport report = report(customers);
        double[] scores = report.customers().stream().mapToDouble(c -> c.revenue().doubleValue()).toArray();
        return new Scores(report, List.of(), new double[0][], scores, List.of());
    }
}
