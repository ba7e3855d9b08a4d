package org.moneytree.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The web console's sessions and login throttling (PID {@code org.moneytree.console}). */
@ObjectClassDefinition(pid = SessionStore.PID, name = "Web console",
        description = "Sessions and login throttling of the Moneytree web console.")
@interface ConsoleConfiguration {

    @AttributeDefinition(name = "Session timeout (minutes)",
            description = "A session unused for this long ends; the user logs in again.", min = "1")
    int sessionTimeoutMinutes() default 30;

    @AttributeDefinition(name = "Failed logins before a pause",
            description = "After this many failed logins in a row for one name (four times as many from one address),"
                    + " its logins are refused for a while.", min = "1")
    int maxFailedLogins() default 5;

    @AttributeDefinition(name = "Pause after failed logins (seconds)",
            description = "How long logins are refused after too many failures; it doubles with each further failure"
                    + " up to an hour.", min = "1")
    int lockoutSeconds() default 30;
}
