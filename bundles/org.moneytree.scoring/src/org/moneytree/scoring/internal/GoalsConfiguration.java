package org.moneytree.scoring.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Which customers the company calls strategic. */
@ObjectClassDefinition(pid = CompanyGoalsCriterion.PID, name = "Impact on company goals",
        description = "Customers flagged as strategic; strategic product categories are set for the analysis"
                + " (PID org.moneytree.analysis, strategicCategories).")
@interface GoalsConfiguration {

    @AttributeDefinition(name = "Strategic customers",
            description = "Customer ids that meet the company's goals fully, separated by commas.")
    String[] strategicCustomers() default {};
}
