package org.moneytree.pyramid.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The pyramid's ranking and cut-offs, as cumulative percentages of ranked customers. */
@ObjectClassDefinition(pid = CustomerPyramid.PID, name = "Customer pyramid",
        description = "Ranking and cut-offs of the default customer pyramid.")
@interface PyramidConfiguration {

    @AttributeDefinition(name = "Rank customers by", options = { @Option(value = "score", label = "key-account score"),
            @Option(value = "net_profit", label = "net profit"), @Option(value = "revenue", label = "revenue") })
    String rankBy() default "score";

    @AttributeDefinition(name = "Platinum: top % of customers", min = "0", max = "100")
    double platinumPercent() default 5;

    @AttributeDefinition(name = "Gold: down to % of customers", min = "0", max = "100")
    double goldPercent() default 20;

    @AttributeDefinition(name = "Iron: down to % of customers", min = "0", max = "100")
    double ironPercent() default 70;

    @AttributeDefinition(name = "Customers who lose money are lead",
            description = "Put every customer with a negative net profit in lead, whatever its rank.")
    boolean lossMakersLead() default true;
}
