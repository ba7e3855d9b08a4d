package org.moneytree.sector.retail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Thresholds of the retail distribution scheme. */
@ObjectClassDefinition(pid = RetailTierScheme.PID, name = "Retail distribution tiers",
        description = "Recency, frequency and revenue thresholds of the retail distribution tier scheme.")
@interface RetailConfiguration {

    @AttributeDefinition(name = "Platinum: top % by revenue", min = "0", max = "100")
    double platinumRevenuePercent() default 10;

    @AttributeDefinition(name = "Platinum: at least this many purchases", min = "1")
    int platinumPurchases() default 4;

    @AttributeDefinition(name = "Gold: top % by revenue", min = "0", max = "100")
    double goldRevenuePercent() default 30;

    @AttributeDefinition(name = "Gold: at least this many purchases", min = "1")
    int goldPurchases() default 2;

    @AttributeDefinition(name = "Active: bought within this many days of the period's end", min = "1")
    int activeDays() default 180;
}
