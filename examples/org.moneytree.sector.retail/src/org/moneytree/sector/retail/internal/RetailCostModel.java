package org.moneytree.sector.retail.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.moneytree.api.profit.ActivityRate;
import org.moneytree.api.profit.CostModel;
import org.osgi.service.component.annotations.Component;

/**
 * Typical costs of serving a retail or distribution customer: the order line and the delivery dominate,
 * returns are expensive, and payment delays tie up money. Rates are in the dataset's currency; a client with
 * other rates uses the configurable {@code standard} model instead.
 */
@Component(service = CostModel.class)
public final class RetailCostModel implements CostModel {

    private static final List<ActivityRate> RATES = List.of(
            new ActivityRate("delivery", new BigDecimal("35.00"), "delivery", "次送货"),
            new ActivityRate(ORDER_LINE, new BigDecimal("2.00"), "order line", "条订单行"),
            new ActivityRate("payment_delay_day", new BigDecimal("4.00"), "day of payment delay", "天付款延迟"),
            new ActivityRate(RETURN_LINE, new BigDecimal("12.00"), "returned line", "条退货行"),
            new ActivityRate("return_handling", new BigDecimal("45.00"), "return handled", "次退货处理"),
            new ActivityRate("rush_order", new BigDecimal("90.00"), "rush order", "次加急订单"),
            new ActivityRate("support_hour", new BigDecimal("55.00"), "support hour", "小时支持"),
            new ActivityRate("visit", new BigDecimal("180.00"), "visit", "次拜访"));

    @Override
    public String id() {
        return "retail";
    }

    @Override
    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? "零售分销服务成本" : "Retail distribution cost to serve";
    }

    @Override
    public List<ActivityRate> rates() {
        return RATES;
    }

    @Override
    public BigDecimal costOfGoodsShare() {
        return new BigDecimal("0.72");
    }
}
