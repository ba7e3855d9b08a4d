package org.moneytree.core.tests;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.moneytree.api.report.ReportData;
import org.moneytree.api.user.Role;
import org.moneytree.api.user.UserDirectory;
import org.moneytree.api.user.UserException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The web console inside the test framework: Jetty configured through Configuration Admin (PID
 * {@code org.apache.felix.http}) on a free port of 127.0.0.1, the platform's real {@link UserDirectory} and
 * {@link ReportData}, and the users the tests log in as.
 */
final class ConsoleServer {

    static final String ADMIN = "console-admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String ANALYST = "console-analyst";
    static final String ANALYST_PASSWORD = "analyst-password-1";

    private static ConsoleServer running;

    private final String base;

    private ConsoleServer(String base) {
        this.base = base;
    }

    /** The console, started once for all test classes that use it. */
    static synchronized ConsoleServer start() throws Exception {
        if (running == null) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ConsoleServer server = new ConsoleServer("http://127.0.0.1:" + port);
            requireRealServices();
            Configuration jetty = Services.get(ConfigurationAdmin.class).getConfiguration("org.apache.felix.http", "?");
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("org.apache.felix.http.enable", "true");
            properties.put("org.osgi.service.http.port", String.valueOf(port));
            properties.put("org.apache.felix.http.host", "127.0.0.1");
            jetty.update(properties);
            awaitDeployed(port);
            server.createUsers();
            running = server;
        }
        return running;
    }

    String base() {
        return base;
    }

    /**
     * The console is tested against the platform's own user directory and report data: a stand-in would hide
     * that the console and these services do not work together.
     */
    private static void requireRealServices() {
        for (Class<?> type : List.of(UserDirectory.class, ReportData.class)) {
            if (!provided(type)) {
                throw new AssertionError("no bundle provides " + type.getName() + ": the console needs it");
            }
        }
    }

    /** Whether some bundle's Declarative Services component provides the service. */
    private static boolean provided(Class<?> type) {
        for (ComponentDescriptionDTO description : Services.get(ServiceComponentRuntime.class)
                .getComponentDescriptionDTOs()) {
            if (description.serviceInterfaces != null && List.of(description.serviceInterfaces).contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    private void createUsers() throws UserException {
        UserDirectory users = Services.get(UserDirectory.class);
        users.createFirstAdmin();
        ensure(users, ADMIN, Role.ADMIN, ADMIN_PASSWORD);
        ensure(users, ANALYST, Role.ANALYST, ANALYST_PASSWORD);
    }

    static void ensure(UserDirectory users, String name, Role role, String password) throws UserException {
        if (users.user(name).isPresent()) {
            users.changePassword(name, password.toCharArray());
            users.changeRole(name, role);
        } else {
            users.create(name, role, password.toCharArray());
        }
    }

    /**
     * Waits until Jetty listens on the port and the console's API servlet is deployed: the runtime's service
     * properties change with every deployment, so a tracker sees it without polling.
     */
    private static void awaitDeployed(int port) throws InterruptedException {
        CountDownLatch deployed = new CountDownLatch(1);
        ServiceTracker<HttpServiceRuntime, HttpServiceRuntime> tracker = new ServiceTracker<>(Services.context(),
                HttpServiceRuntime.class, null) {
            @Override
            public HttpServiceRuntime addingService(ServiceReference<HttpServiceRuntime> reference) {
                HttpServiceRuntime runtime = super.addingService(reference);
                check(reference, runtime);
                return runtime;
            }

            @Override
            public void modifiedService(ServiceReference<HttpServiceRuntime> reference, HttpServiceRuntime runtime) {
                check(reference, runtime);
            }

            private void check(ServiceReference<HttpServiceRuntime> reference, HttpServiceRuntime runtime) {
                if (String.valueOf(endpoints(reference)).contains(":" + port + "/") && consoleDeployed(runtime)) {
                    deployed.countDown();
                }
            }
        };
        tracker.open();
        try {
            if (!deployed.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the console was not deployed on port " + port + " within 60 s");
            }
        } finally {
            tracker.close();
        }
    }

    private static Object endpoints(ServiceReference<?> reference) {
        Object value = reference.getProperty("osgi.http.endpoint");
        return value instanceof String[] list ? List.of(list) : value;
    }

    private static boolean consoleDeployed(HttpServiceRuntime runtime) {
        for (ServletContextDTO context : runtime.getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : context.servletDTOs) {
                if ("moneytree-console-api".equals(servlet.name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
