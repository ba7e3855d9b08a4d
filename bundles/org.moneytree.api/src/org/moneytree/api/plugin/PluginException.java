package org.moneytree.api.plugin;

/** Installing or uninstalling a plugin failed; the message says why, and the installation is unchanged. */
public class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
