package org.moneytree.persistence.internal;

import org.osgi.framework.BundleContext;

/**
 * How loads write: the largest load that runs as one transaction, and the rows per committed batch of a
 * larger one. Framework properties, so that tests can make small files take the large path.
 *
 * @param smallLoadRows loads up to this many purchases run in one transaction
 * @param batchRows rows per committed transaction of a large load, and ids per slice when it carries over or removes rows
 */
record LoadSettings(int smallLoadRows, int batchRows) {

    static final String SMALL_LOAD_ROWS = "moneytree.load.smallLoadRows";
    static final String BATCH_ROWS = "moneytree.load.batchRows";

    LoadSettings {
        if (smallLoadRows < 0 || batchRows < 1) {
            throw new IllegalArgumentException("load settings need smallLoadRows >= 0 and batchRows >= 1: "
                    + smallLoadRows + ", " + batchRows);
        }
    }

    static LoadSettings from(BundleContext context) {
        return new LoadSettings(intProperty(context, SMALL_LOAD_ROWS, 200_000), intProperty(context, BATCH_ROWS, 50_000));
    }

    private static int intProperty(BundleContext context, String name, int otherwise) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
    }
}
