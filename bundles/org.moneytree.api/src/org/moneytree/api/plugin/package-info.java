/**
 * Plugins: features installed into the product from an update site with p2, and the health of the bundles
 * that make them up. Front ends use the {@link org.moneytree.api.plugin.PluginManager} to list, install and
 * uninstall plugins and to tell users which plugin failed.
 */
@Version("1.0.0")
package org.moneytree.api.plugin;

import org.osgi.annotation.versioning.Version;
