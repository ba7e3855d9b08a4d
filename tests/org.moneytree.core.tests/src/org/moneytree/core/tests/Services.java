package org.moneytree.core.tests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.moneytree.api.figures.CustomerFigures;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Test helpers: the running framework's services and bundles, and customer figures made by hand. */
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

    static CustomerFigures customer(String id, String revenue) {
        return customer(id, revenue, 1, "2024-01-01", "2024-01-01");
    }

    static CustomerFigures customer(String id, String revenue, int purchases, String first, String last) {
        return new CustomerFigures(id, new BigDecimal(revenue), purchases, LocalDate.parse(first), LocalDate.parse(last));
    }
}
