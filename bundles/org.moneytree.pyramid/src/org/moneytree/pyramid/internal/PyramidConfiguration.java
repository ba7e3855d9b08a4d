package org.moneytree.pyramid.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The pyramid's cut-offs, as cumulative percentages of customers ranked by revenue. */
@ObjectClassDefinition(pid = CustomerPyramid.PID, name = "Customer pyramid",
        description = "Cut-offs of the default customer pyramid, as cumulative shares of customers ranked by revenue.")
@interface PyramidConfiguration {

    @AttributeDefinition(name = "Platinum: top % of customers", min = "0", max = "100")
    double platinumPercent() default 5;

    @AttributeDefinition(name = "Gold: down to % of customers", min = "0", max = "100")
    double goldPercent() default 20;

    @AttributeDefinition(name = "Iron: down to % of customers", min = "0", max = "100")
    double ironPercent() default 70;
}
