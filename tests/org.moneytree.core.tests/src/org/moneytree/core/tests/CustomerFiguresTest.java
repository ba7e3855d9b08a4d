package org.moneytree.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.moneytree.api.profit.Concentration;
import org.moneytree.api.profit.CostLine;
import org.moneytree.api.profit.CustomerFigures;
import org.moneytree.api.profit.CustomerProfit;
import org.moneytree.api.profit.Period;
import org.moneytree.api.profit.ProfitReport;
import org.moneytree.api.profit.ProfitTotals;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.tier.TierAssignment;
import org.moneytree.api.tier.TierSummary;

/** A report's customers kept in columns give the same records, lookups and summaries as records do. */
class CustomerFiguresTest {

    private static final Period YEAR = Period.parse("2024");

    private static CustomerFigures figures() {
        int day = (int) LocalDate.of(2024, 3, 1).toEpochDay();
        // derived order lines first, then the archive's visits: a customer's lines come sorted by type
        CustomerFigures.CostColumn orderLines = new CustomerFigures.CostColumn("order_line", new BigDecimal("1.50"),
                new long[] { 300, 0 }, new int[] { 2, 0 }, null);
        CustomerFigures.CostColumn deliveries = new CustomerFigures.CostColumn("delivery", new BigDecimal("25.00"),
                new long[] { 3750, 2500 }, null, new BigDecimal[] { new BigDecimal("1.5"), BigDecimal.ONE });
        return new CustomerFigures(YEAR, new String[] { "A1", "B2" }, new long[] { 100_000, 0 },
                new long[] { 60_000, 0 }, new long[] { 4050, 2500 }, new long[] { 50_000, 0 }, new long[] { 25_000, 0 },
                new int[] { 2, 0 }, new int[] { 0, 0 }, new int[] { day, CustomerFigures.NO_DAY },
                new int[] { day + 10, CustomerFigures.NO_DAY }, new int[] { day - 400, CustomerFigures.NO_DAY },
                new byte[] { 2, 0 }, List.of(orderLines, deliveries));
    }

    private static ProfitReport report(CustomerFigures figures) {
        ProfitTotals totals = new ProfitTotals(2, 2, new BigDecimal("1000.00"), new BigDecimal("600.00"),
                new BigDecimal("65.50"), Map.of(), 1);
        return new ProfitReport("figures", YEAR, "standard", figures, totals,
                new Concentration(List.of(), List.of(), 0, 0, 0, 0, 1, 0));
    }

    @Test
    void recordsAreMadeFromTheColumnsToTheCent() {
        ProfitReport report = report(figures());
        CustomerProfit first = report.customers().get(0);
        assertEquals("A1", first.customerId());
        assertEquals(new BigDecimal("1000.00"), first.revenue());
        assertEquals(new BigDecimal("600.00"), first.costOfGoods());
        assertEquals(new BigDecimal("40.50"), first.costToServe());
        assertEquals(new BigDecimal("359.50"), first.netProfit());
        assertEquals(new BigDecimal("500.00"), first.previousRevenue());
        assertEquals(new BigDecimal("250.00"), first.strategicRevenue());
        assertEquals(LocalDate.of(2024, 3, 1), first.firstPurchase());
        assertEquals(LocalDate.of(2024, 3, 11), first.lastPurchase());
        assertEquals(LocalDate.of(2024, 3, 1).minusDays(400), first.customerSince());
        assertEquals(2, first.activeMonths());
        assertEquals(List.of(new CostLine("delivery", new BigDecimal("1.5"), new BigDecimal("25.00"),
                new BigDecimal("37.50")), new CostLine("order_line", BigDecimal.valueOf(2), new BigDecimal("1.50"),
                        new BigDecimal("3.00"))), first.costs());
        CustomerProfit second = report.customers().get(1);
        assertNull(second.firstPurchase());
        assertNull(second.customerSince());
        assertEquals(List.of(new CostLine("delivery", BigDecimal.ONE, new BigDecimal("25.00"), new BigDecimal("25.00"))),
                second.costs());
        assertEquals(new BigDecimal("-25.00"), second.netProfit());
    }

    @Test
    void lookupsAndSummariesAgreeWithRecords() {
        ProfitReport columns = report(figures());
        ProfitReport records = new ProfitReport("figures", YEAR, "standard", List.copyOf(columns.customers()),
                columns.totals(), columns.concentration());
        assertEquals(columns, records);
        assertEquals(1, columns.indexOf("B2"));
        assertEquals(-1, columns.indexOf("B1"));
        assertEquals(-1, columns.indexOf("C"));
        assertFalse(columns.figures().madeFromRecords());
        assertTrue(records.figures().madeFromRecords());
        assertEquals(35_950, records.figures().netProfitCents(0));
        assertEquals(3750, records.figures().costCents(0, "delivery"));
        assertEquals(0, records.figures().costCents(1, "order_line"));

        List<TierAssignment> assignments = List.of(new TierAssignment("A1", Tier.GOLD, "gold"),
                new TierAssignment("B2", Tier.LEAD, "lead"));
        assertEquals(TierSummary.of(records.customers(), assignments), TierSummary.of(columns, assignments));
        assertEquals(TierSummary.of(records.customers(), assignments), TierSummary.of(records, assignments));
    }
}
