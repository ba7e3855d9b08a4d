package org.moneytree.console.internal;

import org.osgi.service.component.annotations.Component;

/**
 * The console's pages, scripts and styles: the folder {@code web} of this bundle (with Chart.js, copied from its
 * WebJar at build time, under {@code web/lib}), served at {@code /} by the HTTP Whiteboard. The
 * {@link SecurityFilter} lets only the login page through without a session.
 */
@Component(service = ConsolePages.class, property = {
        "osgi.http.whiteboard.resource.pattern=/*",
        "osgi.http.whiteboard.resource.prefix=/web" })
public final class ConsolePages {
}
