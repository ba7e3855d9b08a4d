package org.moneytree.cli.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.moneytree.api.user.UserDirectory;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

/**
 * What the {@code console} command needs: the HTTP Whiteboard's runtime, to see when the console's API servlet
 * is deployed and at which address, the user directory, for the first admin, and Jetty's configuration, if there
 * is one. The runtime changes its {@code service.changecount} whenever something is deployed, so Declarative
 * Services tells this component (the {@code updated} method) and a waiting command wakes up: no polling.
 */
@Component(service = ConsoleSupport.class)
public final class ConsoleSupport {

    /** The console's API servlet's name in the whiteboard (see org.moneytree.console). */
    static final String CONSOLE_SERVLET = "moneytree-console-api";

    /** Felix's Jetty reads its configuration from this PID, besides the framework properties. */
    static final String JETTY_PID = "org.apache.felix.http";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile UserDirectory users;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurations;

    private HttpServiceRuntime runtime;
    private Map<String, Object> runtimeProperties = Map.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, updated = "runtimeChanged")
    synchronized void setRuntime(HttpServiceRuntime runtime, Map<String, Object> properties) {
        this.runtime = runtime;
        this.runtimeProperties = properties;
        notifyAll();
    }

    synchronized void unsetRuntime(HttpServiceRuntime runtime) {
        if (this.runtime == runtime) {
            this.runtime = null;
            this.runtimeProperties = Map.of();
        }
        notifyAll();
    }

    synchronized void runtimeChanged(HttpServiceRuntime runtime, Map<String, Object> properties) {
        setRuntime(runtime, properties);
    }

    /** Whether an HTTP server runs now (Jetty registers the runtime only once it listens). */
    synchronized boolean serverRunning() {
        return runtime != null;
    }

    /**
     * Waits until an HTTP server listens on the port, up to the time given: for Jetty restarted by Configuration
     * Admin on its own thread, of which nothing but the runtime's registration tells.
     */
    synchronized boolean awaitServer(int port, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (runtime == null || endpoints(runtimeProperties.get("osgi.http.endpoint")).stream()
                .noneMatch(endpoint -> endpoint.matches(".*:" + port + "(/.*)?"))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitNanos(left);
        }
        return true;
    }

    /** Jetty's configuration (PID {@value #JETTY_PID}), when {@code conf/org.apache.felix.http.cfg} gave one. */
    Optional<Dictionary<String, Object>> jettyConfiguration() {
        ConfigurationAdmin admin = configurations;
        if (admin == null) {
            return Optional.empty();
        }
        try {
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + JETTY_PID + ")");
            return found == null || found.length == 0 ? Optional.empty() : Optional.ofNullable(found[0].getProperties());
        } catch (IOException | InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits until the console's API servlet is deployed and answers the addresses the server listens on, such as
     * {@code http://127.0.0.1:8080/}; empty when it is not deployed within the time.
     */
    synchronized Optional<List<String>> awaitConsole(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (runtime == null || !deployed(runtime)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            waitNanos(left);
        }
        return Optional.of(endpoints(runtimeProperties.get("osgi.http.endpoint")));
    }

    Optional<UserDirectory> users() {
        return Optional.ofNullable(users);
    }

    private void waitNanos(long nanos) throws InterruptedException {
        long millis = Math.max(1, nanos / 1_000_000);
        wait(millis);
    }

    private static boolean deployed(HttpServiceRuntime runtime) {
        for (ServletContextDTO context : runtime.getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : context.servletDTOs) {
                if (CONSOLE_SERVLET.equals(servlet.name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> endpoints(Object property) {
        List<String> endpoints = new ArrayList<>();
        if (property instanceof String text) {
            endpoints.add(text);
        } else if (property instanceof String[] texts) {
            endpoints.addAll(List.of(texts));
        } else if (property instanceof Collection<?> values) {
            values.forEach(value -> endpoints.add(String.valueOf(value)));
        }
        return endpoints;
    }
}
