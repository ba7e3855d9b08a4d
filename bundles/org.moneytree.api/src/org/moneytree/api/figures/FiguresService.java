package org.moneytree.api.figures;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Computes per-customer figures from the purchases stored in a dataset. The platform provides this
 * service; tier schemes receive its results and need not call it.
 */
@ProviderType
public interface FiguresService {

    /**
     * The figures of every customer with at least one purchase in the dataset.
     *
     * @param dataset the dataset's name
     * @return one entry per customer, sorted by customer id; empty for an empty or unknown dataset
     */
    List<CustomerFigures> figures(String dataset);
}
