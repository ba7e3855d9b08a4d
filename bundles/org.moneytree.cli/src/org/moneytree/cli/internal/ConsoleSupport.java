package org.moneytree.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.moneytree.api.user.UserDirectory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

/**
 * What the {@code console} command needs: the HTTP Whiteboard's runtime, to see when the console's API servlet
 * is deployed and at which address, and the user directory, for the first admin. The runtime changes its
 * {@code service.changecount} whenever something is deployed, so Declarative Services tells this component
 * (the {@code updated} method) and a waiting command wakes up: no polling.
 */
@Component(service = ConsoleSupport.class)
public final class ConsoleSupport {

    /** The console's API servlet's name in the whiteboard (see org.moneytree.console). */
    static final String CONSOLE_SERVLET = "moneytree-console-api";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile UserDirectory users;

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

    /** Whether an HTTP server runs at all (Jetty registers the runtime only once it listens). */
    synchronized boolean serverRunning(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (runtime == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            waitNanos(left);
        }
        return true;
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
