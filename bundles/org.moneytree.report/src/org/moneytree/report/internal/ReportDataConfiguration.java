package org.moneytree.report.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How much of the analysed periods the report data keeps, and how often it looks for new tiering runs. */
@ObjectClassDefinition(pid = ReportDataService.PID, name = "Report data",
        description = "The analysed periods kept for the reporting views.")
@interface ReportDataConfiguration {

    @AttributeDefinition(name = "Periods kept", min = "1",
            description = "How many analysed periods (of any dataset) are kept, the least recently used dropped first.")
    int cachedPeriods() default 8;

    @AttributeDefinition(name = "Customers kept", min = "1",
            description = "At most this many customers over all kept periods (a period of a million customers takes"
                    + " a few hundred MB); the period asked for last is always kept.")
    int cachedCustomers() default 3_000_000;

    @AttributeDefinition(name = "Run check interval (ms)", min = "0",
            description = "How long a look at a dataset's tiering runs and overrides is trusted before the database is"
                    + " asked again: a re-run or an override shows in the views this much later at most. 0 asks on"
                    + " every request.")
    long freshnessMillis() default 1000;
}
