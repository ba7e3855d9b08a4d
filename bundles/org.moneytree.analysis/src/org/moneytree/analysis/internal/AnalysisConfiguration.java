package org.moneytree.analysis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the profitability analysis. */
@ObjectClassDefinition(pid = ProfitabilityEngine.PID, name = "Profitability analysis",
        description = "Settings of the per-customer profitability analysis.")
@interface AnalysisConfiguration {

    @AttributeDefinition(name = "Strategic categories",
            description = "Product categories that serve the company's goals, separated by commas; revenue in them"
                    + " counts for the criterion 'impact on company goals'.")
    String[] strategicCategories() default {};

    @AttributeDefinition(name = "Threads", description = "Threads that read a purchase file; 0 for one per processor.",
            min = "0")
    int threads() default 0;
}
