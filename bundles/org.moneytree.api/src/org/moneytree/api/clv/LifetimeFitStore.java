package org.moneytree.api.clv;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where fits are kept: the workspace database. The lifetime service stores each fit with its calibration data
 * (every customer's summary, encoded by the service) so that forecasts and criteria need not read the purchases
 * again. Plugins use {@link LifetimeService}, not this.
 */
@ProviderType
public interface LifetimeFitStore {

    /**
     * Stores a fit and its encoded calibration data, in one transaction.
     *
     * @return the fit with its new id
     */
    LifetimeFit save(LifetimeFit fit, byte[] calibration);

    /** A dataset's fits, oldest first. */
    List<LifetimeFit> fits(String dataset);

    /** The encoded calibration data of a fit. */
    Optional<byte[]> calibration(long fitId);
}
