package org.moneytree.core.tests;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.moneytree.api.profit.Period;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.user.Role;
import org.moneytree.api.user.User;
import org.moneytree.api.user.UserDirectory;
import org.moneytree.api.user.UserException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
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
 * {@code org.apache.felix.http}) on a free port of 127.0.0.1, and the users the tests log in as. Where no
 * bundle provides a {@link UserDirectory} or {@link ReportData} (a branch without them), simple in-memory ones
 * are registered; otherwise the real ones are used.
 */
final class ConsoleServer {

    static final String ADMIN = "console-admin";
    static final String ADMIN_PASSWORD = "admin-password-1";
    static final String ANALYST = "console-analyst";
    static final String ANALYST_PASSWORD = "analyst-password-1";

    private static ConsoleServer running;

    private final String base;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

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
            server.registerMissingServices();
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

    private void registerMissingServices() {
        if (!provided(UserDirectory.class)) {
            registrations.add(Services.context().registerService(UserDirectory.class, new MemoryUsers(), null));
        }
        if (!provided(ReportData.class)) {
            registrations.add(Services.context().registerService(ReportData.class, new FixedReportData(), null));
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

    /** Users in memory, for a branch without the real user directory. */
    static final class MemoryUsers implements UserDirectory {
        private final Map<String, User> users = new LinkedHashMap<>();
        private final Map<String, String> passwords = new LinkedHashMap<>();

        @Override
        public synchronized Optional<User> authenticate(String name, char[] password) {
            String known = passwords.get(name);
            return known != null && known.equals(new String(password)) ? Optional.of(users.get(name)) : Optional.empty();
        }

        @Override
        public synchronized List<User> users() {
            return users.values().stream().sorted(java.util.Comparator.comparing(User::name)).toList();
        }

        @Override
        public synchronized Optional<User> user(String name) {
            return Optional.ofNullable(users.get(name));
        }

        @Override
        public synchronized User create(String name, Role role, char[] password) throws UserException {
            if (users.containsKey(name)) {
                throw new UserException("user " + name + " exists already");
            }
            if (password.length < MIN_PASSWORD) {
                throw new UserException("a password has at least " + MIN_PASSWORD + " characters");
            }
            User user = new User(name, role, Instant.now(), null);
            users.put(name, user);
            passwords.put(name, new String(password));
            return user;
        }

        @Override
        public synchronized void changePassword(String name, char[] password) throws UserException {
            if (!users.containsKey(name)) {
                throw new UserException("no user " + name);
            }
            if (password.length < MIN_PASSWORD) {
                throw new UserException("a password has at least " + MIN_PASSWORD + " characters");
            }
            passwords.put(name, new String(password));
        }

        @Override
        public synchronized User changeRole(String name, Role role) throws UserException {
            User user = users.get(name);
            if (user == null) {
                throw new UserException("no user " + name);
            }
            User changed = new User(name, role, user.created(), user.lastLogin());
            users.put(name, changed);
            return changed;
        }

        @Override
        public synchronized void delete(String name) throws UserException {
            if (users.remove(name) == null) {
                throw new UserException("no user " + name);
            }
            passwords.remove(name);
        }

        @Override
        public synchronized Optional<String> createFirstAdmin() {
            return Optional.empty();
        }
    }

    /** One dataset with two periods and no figures, for a branch without the real report data. */
    static final class FixedReportData implements ReportData {
        @Override
        public List<String> datasets() {
            return List.of("console-demo");
        }

        @Override
        public List<Period> periods(String dataset) {
            return dataset.equals("console-demo") ? List.of(Period.parse("2023"), Period.parse("2024")) : List.of();
        }

        @Override
        public PeriodResults results(String dataset, Period period, Locale locale) throws ViewException {
            throw new ViewException("dataset " + dataset + " has no analysed period " + period.id() + " in the tests");
        }

        @Override
        public Period latest(String dataset, Locale locale) throws ViewException {
            List<Period> periods = periods(dataset);
            if (periods.isEmpty()) {
                throw new ViewException("dataset " + dataset + " has not been analysed");
            }
            return periods.get(periods.size() - 1);
        }
    }
}
