package org.moneytree.costing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The rates of the standard cost model. */
@ObjectClassDefinition(pid = StandardCostModel.PID, name = "Standard cost model",
        description = "What one unit of each service activity costs, in the dataset's currency.")
@interface StandardCostConfiguration {

    @AttributeDefinition(name = "Rates",
            description = "One entry per activity type, type=rate (for example visit=150.00); entries may also be"
                    + " separated by commas in one value. Every activity type recorded in the archive needs a rate.")
    String[] rates() default { "visit=150.00", "delivery=25.00", "support_hour=60.00", "rush_order=80.00",
            "return_handling=40.00", "payment_delay_day=5.00", "order_line=1.50", "return_line=10.00" };

    @AttributeDefinition(name = "Cost of goods share",
            description = "Share of revenue taken as cost of goods for purchase lines without one (0.7 for 70%).")
    String costOfGoodsShare() default "0";
}
