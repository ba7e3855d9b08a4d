package org.moneytree.analysis.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.moneytree.api.figures.CustomerFigures;
import org.moneytree.api.figures.FiguresService;
import org.moneytree.api.purchase.Purchase;
import org.moneytree.api.purchase.PurchaseStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Aggregates a dataset's stored purchases per customer in one pass. */
@Component(service = FiguresService.class)
public final class PurchaseFiguresService implements FiguresService {

    private final PurchaseStore store;

    @Activate
    public PurchaseFiguresService(@Reference PurchaseStore store) {
        this.store = store;
    }

    @Override
    public List<CustomerFigures> figures(String dataset) {
        Map<String, Accumulator> customers = new HashMap<>();
        store.forEachPurchase(dataset,
                purchase -> customers.computeIfAbsent(purchase.customerId(), id -> new Accumulator()).add(purchase));
        List<CustomerFigures> figures = new ArrayList<>(customers.size());
        customers.forEach((id, sums) -> figures.add(sums.toFigures(id)));
        figures.sort((a, b) -> a.customerId().compareTo(b.customerId()));
        return figures;
    }

    /** Running sums of one customer. */
    private static final class Accumulator {
        private BigDecimal revenue = BigDecimal.ZERO;
        private int purchases;
        private LocalDate first;
        private LocalDate last;

        void add(Purchase purchase) {
            revenue = revenue.add(purchase.revenue());
            purchases++;
            if (first == null || purchase.date().isBefore(first)) {
                first = purchase.date();
            }
            if (last == null || purchase.date().isAfter(last)) {
                last = purchase.date();
            }
        }

        CustomerFigures toFigures(String customerId) {
            return new CustomerFigures(customerId, revenue, purchases, first, last);
        }
    }
}
