package org.moneytree.api.plugin;

/**
 * A bundle or component that should be running and is not, because it threw while starting or its
 * component failed to activate. The platform goes on without it.
 *
 * @param bundle the bundle's symbolic name
 * @param component the failed component's name, or an empty string when the bundle itself failed to start
 * @param reason what went wrong, as reported by the framework or Declarative Services
 */
public record PluginFailure(String bundle, String component, String reason) {
}
