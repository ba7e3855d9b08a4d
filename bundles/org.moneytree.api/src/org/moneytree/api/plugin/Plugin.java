package org.moneytree.api.plugin;

/**
 * A feature installed in the product.
 *
 * @param featureId the feature's id, as used with {@link PluginManager#install} and {@link PluginManager#uninstall}
 * @param version the installed version
 * @param name the feature's name for people
 * @param partOfProduct {@code true} for a feature the product ships with, which cannot be uninstalled
 */
public record Plugin(String featureId, String version, String name, boolean partOfProduct) {
}
