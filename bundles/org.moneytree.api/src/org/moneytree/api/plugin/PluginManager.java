package org.moneytree.api.plugin;

import java.net.URI;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs plugins the Eclipse way: a plugin is a feature on a p2 update site, installed into the running
 * product's p2 profile with the p2 director. Where the product runs Equinox's simple configurator, the change is
 * applied to the running framework at once (the plugin's bundles start, or stop and go); otherwise it takes effect
 * at the product's next start. The platform provides this service.
 */
@ProviderType
public interface PluginManager {

    /** The features installed in the product, sorted by id. */
    List<Plugin> installed() throws PluginException;

    /**
     * Installs a feature and everything it requires from an update site.
     *
     * @param featureId the feature's id (with or without the {@code .feature.group} suffix)
     * @param updateSite the update site: a folder, a {@code file:} URI, or a {@code jar:} URI of a zipped site
     * @return a one-line account of what was installed
     * @throws PluginException when the site or the feature cannot be found or the install fails
     */
    String install(String featureId, URI updateSite) throws PluginException;

    /**
     * Uninstalls a feature that was installed as a plugin.
     *
     * @param featureId the feature's id
     * @return a one-line account of what was removed
     * @throws PluginException when no such plugin is installed, it is part of the product, or removal fails
     */
    String uninstall(String featureId) throws PluginException;

    /** Bundles and components that failed to start; empty when all is well. */
    List<PluginFailure> failures();
}
