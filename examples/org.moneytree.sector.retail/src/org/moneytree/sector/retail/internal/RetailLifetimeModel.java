package org.moneytree.sector.retail.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.moneytree.api.clv.ModelFamily;
import org.moneytree.api.clv.SectorLifetimeModel;
import org.osgi.service.component.annotations.Component;

/**
 * Retail customers buy when they like and leave without notice, and many never come back after their first
 * order: the Pareto/NBD model lets a customer leave before any repeat purchase, where the BG/NBD cannot (Fader,
 * Hardie and Lee 2005 found the BG/NBD weakest when few customers buy again). Weeks as the time unit, two years
 * ahead, 10% a year.
 */
@Component(service = SectorLifetimeModel.class)
public final class RetailLifetimeModel implements SectorLifetimeModel {

    @Override
    public String id() {
        return "retail";
    }

    @Override
    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "零售分销" : "Retail distribution";
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.PARETO_NBD;
    }

    @Override
    public int horizonMonths() {
        return 24;
    }

    @Override
    public BigDecimal annualDiscountRate() {
        return new BigDecimal("0.10");
    }
}
