package org.moneytree.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.moneytree.api.archive.Customer;
import org.moneytree.api.archive.CustomerArchive;
import org.moneytree.api.plugin.PluginException;
import org.moneytree.api.plugin.PluginManager;
import org.moneytree.api.profit.Period;
import org.moneytree.api.report.PeriodResults;
import org.moneytree.api.report.ReportData;
import org.moneytree.api.report.ReportView;
import org.moneytree.api.report.ViewException;
import org.moneytree.api.report.ViewExporter;
import org.moneytree.api.report.ViewModel;
import org.moneytree.api.report.ViewParameter;
import org.moneytree.api.report.ViewRequest;
import org.moneytree.api.tier.StoredTier;
import org.moneytree.api.tier.Tier;
import org.moneytree.api.user.Role;
import org.moneytree.api.user.User;
import org.moneytree.api.user.UserDirectory;
import org.moneytree.api.user.UserException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.google.gson.JsonObject;

/**
 * The console's JSON API under {@code /api}: one servlet with a router ({@link #routes}). Every answer is
 * JSON in UTF-8 except the exports; errors are {@code {"error": message}} in the caller's language. The
 * {@link SecurityFilter} has checked the session and the CSRF token before a call gets here. The services
 * behind the API are optional, so that the console starts and says what is missing instead of not starting.
 */
@Component(service = jakarta.servlet.Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/*",
        "osgi.http.whiteboard.servlet.name=" + ApiServlet.NAME })
public final class ApiServlet extends HttpServlet {

    /** The servlet's name in the whiteboard, by which the console command sees that the console is up. */
    static final String NAME = "moneytree-console-api";

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ApiServlet.class.getName());
    private static final int CUSTOMER_MATCHES = 50;
    private static final int MAX_PARAMETER_LENGTH = 200;

    private final transient SessionStore sessions;
    private final transient ViewRegistry views;
    private final transient ApiRouter router = new ApiRouter();
    private final transient ModelJson modelJson = new ModelJson();
    /** The customer search of each dataset's latest period, kept while its results are the same object. */
    private final transient Map<String, TierSearch> tierSearches = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ReportData reportData;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile UserDirectory users;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile ViewExporter exporter;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile CustomerArchive archive;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile PluginManager plugins;

    @Activate
    public ApiServlet(@Reference SessionStore sessions, @Reference ViewRegistry views) {
        this.sessions = sessions;
        this.views = views;
        router.add("POST", "/api/login", this::login)
                .add("POST", "/api/logout", this::logout)
                .add("GET", "/api/session", this::session)
                .add("PUT", "/api/session", this::changeSession)
                .add("GET", "/api/datasets", call -> reportData(call).datasets())
                .add("GET", "/api/datasets/{dataset}/periods", this::periods)
                .add("GET", "/api/views", call -> views.list(call.locale()))
                .add("GET", "/api/views/{id}", this::view)
                .add("GET", "/api/views/{id}/export.csv", call -> export(call, "csv"))
                .add("GET", "/api/views/{id}/export.html", call -> export(call, "html"))
                .add("GET", "/api/export.pdf", this::pdf)
                .add("GET", "/api/customers", this::customers)
                .admin("GET", "/api/users", call -> users(call).users().stream().map(ApiServlet::user).toList())
                .admin("POST", "/api/users", this::createUser)
                .admin("PUT", "/api/users/{name}", this::changeUser)
                .admin("DELETE", "/api/users/{name}", this::deleteUser)
                .admin("GET", "/api/plugins", this::plugins)
                .admin("POST", "/api/plugins", this::install)
                .admin("DELETE", "/api/plugins/{feature}", this::uninstall)
                .add("GET", "/api/openapi.json", this::openApi)
                .add("OPTIONS", "/api", call -> Map.of("routes",
                        router.routes().stream().map(ApiRouter.Route::name).toList()));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleSession session = (ConsoleSession) request.getAttribute(Http.SESSION_ATTRIBUTE);
        Locale asked = Messages.language(request.getParameter("lang"));
        Messages messages = new Messages(asked != null ? asked
                : session != null ? session.locale() : Http.requestedLocale(request));
        String method = request.getMethod();
        String path = Http.path(request);
        Optional<ApiRouter.Match> match = router.match(method, path);
        if (match.isEmpty()) {
            Http.drain(request);
            List<String> allowed = router.methods(path);
            if (!allowed.isEmpty()) {
                response.setHeader("Allow", String.join(", ", allowed));
            }
            if ("OPTIONS".equals(method) && !allowed.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                return;
            }
            Http.error(response, allowed.isEmpty() ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_METHOD_NOT_ALLOWED, messages.get("noRoute", method, path));
            return;
        }
        ApiRouter.Route route = match.get().route();
        response.setHeader("X-Moneytree-Route", route.template());
        try {
            if (route.adminOnly() && (session == null || !session.admin())) {
                throw new ApiException(HttpServletResponse.SC_FORBIDDEN, messages.get("adminOnly"));
            }
            Object body = route.handler().handle(new ApiCall(request, response, session, match.get().variables(),
                    messages));
            if (body != ApiRouter.WRITTEN) {
                Http.json(response, "POST".equals(method) && route.template().equals("/api/users")
                        ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_OK, body);
            }
        } catch (ApiException e) {
            Http.drain(request);
            Http.error(response, e.status(), e.getMessage());
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // A failure of a service behind the API is the user's to read, not a reason to stop the console.
            LOG.log(System.Logger.Level.ERROR, method + " " + path + " failed", e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                Http.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, oneLine(e));
            }
        }
    }

    // --- login and session

    private Object login(ApiCall call) throws ApiException {
        JsonObject body = call.body();
        String name = call.required(body, "name").strip();
        String password = call.required(body, "password");
        Locale locale = Messages.language(ApiCall.text(body, "lang"));
        Messages messages = locale == null ? call.messages() : new Messages(locale);
        String address = call.request().getRemoteAddr();
        long blocked = sessions.blockedSeconds(name, address);
        if (blocked > 0) {
            throw new ApiException(429, messages.get("throttled", blocked));
        }
        char[] secret = password.toCharArray();
        Optional<User> user;
        try {
            user = users(call).authenticate(name, secret);
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
        if (user.isEmpty()) {
            sessions.loginFailed(name, address);
            throw new ApiException(HttpServletResponse.SC_UNAUTHORIZED, messages.get("login"));
        }
        sessions.loginSucceeded(name, address);
        ConsoleSession session = sessions.start(user.get(), messages.locale(), Http.sessionId(call.request()));
        Http.setSessionCookie(call.request(), call.response(), session.id());
        return sessionBody(session);
    }

    private Object logout(ApiCall call) {
        sessions.end(call.session().id());
        Http.setSessionCookie(call.request(), call.response(), null);
        return Map.of("name", call.session().name());
    }

    private Object session(ApiCall call) {
        return sessionBody(call.session());
    }

    private Object changeSession(ApiCall call) throws ApiException {
        String lang = call.required(call.body(), "lang");
        Locale locale = Messages.language(lang);
        if (locale == null) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, call.messages().get("badLang", lang));
        }
        call.session().locale(locale);
        return sessionBody(call.session());
    }

    private static Map<String, Object> sessionBody(ConsoleSession session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", session.name());
        body.put("role", session.role().id());
        body.put("csrf", session.csrf());
        body.put("lang", session.locale().getLanguage());
        return body;
    }

    // --- datasets, views and exports

    private Object periods(ApiCall call) throws ApiException {
        return reportData(call).periods(call.variable("dataset")).stream().map(Period::id).toList();
    }

    private Object view(ApiCall call) throws ApiException, IOException {
        ViewRegistry.Entry entry = viewEntry(call);
        byte[] json = modelJson.json(render(entry, viewRequest(call, entry.view()), call));
        Http.json(call.response(), HttpServletResponse.SC_OK, json);
        return ApiRouter.WRITTEN;
    }

    private Object export(ApiCall call, String format) throws ApiException, IOException {
        ViewRegistry.Entry entry = viewEntry(call);
        ViewRequest request = viewRequest(call, entry.view());
        ViewExporter writer = exporter(call);
        ViewModel model = render(entry, request, call);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (format.equals("csv")) {
                writer.csv(model, bytes);
            } else {
                writer.html(model, call.locale(), bytes);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "export of view " + entry.view().id() + " failed", e);
            throw new ApiException(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    call.messages().get("exportFailed", oneLine(e)));
        }
        String type = format.equals("csv") ? "text/csv" : "text/html";
        sendFile(call.response(), type, fileName(entry.view().id(), request.dataset(), format), bytes);
        return ApiRouter.WRITTEN;
    }

    /**
     * The whole analysis of a period as one PDF: every view that needs nothing but the dataset and a period, in
     * the menu's order. A view that fails is left out (and logged); the rest are written.
     */
    private Object pdf(ApiCall call) throws ApiException, IOException {
        String dataset = dataset(call);
        ReportData data = reportData(call);
        ViewExporter writer = exporter(call);
        Period period;
        String given = call.parameter("period");
        try {
            period = given != null ? Period.parse(given) : data.latest(dataset, call.locale());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST,
                    call.messages().get("badPeriod", "period", given));
        } catch (ViewException e) {
            throw new ApiException(422, e.getMessage());
        }
        List<ViewModel> models = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ViewRegistry.Listed listed : views.list(call.locale())) {
            if (listed.parameters().stream().anyMatch(p -> p.required() && p.kind() != ViewParameter.Kind.PERIOD)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            listed.parameters().stream().filter(ViewRegistry.Parameter::required)
                    .forEach(p -> parameters.put(p.id(), period.id()));
            Optional<ViewRegistry.Entry> entry = views.view(listed.id());
            if (entry.isEmpty()) {
                continue;
            }
            try {
                models.add(render(entry.get(), new ViewRequest(dataset, parameters, call.locale()), call));
            } catch (ApiException e) {
                problems.add(e.getMessage());
            }
        }
        if (models.isEmpty()) {
            throw new ApiException(422, call.messages().get("pdfEmpty", dataset, period.id(), String.join("; ", problems)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            writer.pdf(call.messages().get("pdfTitle", dataset, period.id()), models, call.locale(), bytes);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "PDF export failed", e);
            throw new ApiException(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    call.messages().get("exportFailed", oneLine(e)));
        }
        sendFile(call.response(), "application/pdf", fileName("analysis", dataset + "-" + period.id(), "pdf"), bytes);
        return ApiRouter.WRITTEN;
    }

    private ViewRegistry.Entry viewEntry(ApiCall call) throws ApiException {
        String id = call.variable("id");
        return views.view(id).orElseThrow(() -> new ApiException(HttpServletResponse.SC_NOT_FOUND,
                call.messages().get("noView", id, String.join(", ", views.ids()))));
    }

    /** The request for a view, its parameters checked against their kinds first. */
    private static ViewRequest viewRequest(ApiCall call, ReportView view) throws ApiException {
        String dataset = dataset(call);
        Messages messages = call.messages();
        Map<String, String> values = new LinkedHashMap<>();
        for (ViewParameter parameter : view.parameters()) {
            String value = call.parameter(parameter.id());
            if (value == null) {
                if (parameter.required()) {
                    throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, messages.get("missingParameter",
                            view.id(), parameter.id(), parameter.label(messages.locale())));
                }
                continue;
            }
            if (value.length() > MAX_PARAMETER_LENGTH) {
                throw new ApiException(HttpServletResponse.SC_BAD_REQUEST,
                        messages.get("tooLong", parameter.id(), MAX_PARAMETER_LENGTH));
            }
            try {
                switch (parameter.kind()) {
                    case PERIOD -> value = Period.parse(value).id();
                    case TIER -> value = Tier.forId(value).id();
                    case INTEGER -> value = Long.toString(Long.parseLong(value));
                    case CUSTOMER, TEXT -> {
                        // any text: the view says when there is no such customer
                    }
                }
            } catch (IllegalArgumentException e) {
                String key = switch (parameter.kind()) {
                    case PERIOD -> "badPeriod";
                    case TIER -> "badTier";
                    default -> "badInteger";
                };
                throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, messages.get(key, parameter.id(), value));
            }
            values.put(parameter.id(), value);
        }
        return new ViewRequest(dataset, values, messages.locale());
    }

    /** Renders a view, containing whatever it throws. */
    private static ViewModel render(ViewRegistry.Entry entry, ViewRequest request, ApiCall call) throws ApiException {
        String id = entry.view().id();
        try {
            ViewModel model = entry.view().render(request);
            if (model == null) {
                throw new IllegalStateException("it answered nothing (null)");
            }
            return model;
        } catch (ViewException e) {
            throw new ApiException(422, e.getMessage());
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            LOG.log(System.Logger.Level.ERROR, "view " + id + " of bundle " + entry.bundle() + " failed", e);
            throw new ApiException(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    call.messages().get("viewFailed", id, oneLine(e)));
        }
    }

    private static String dataset(ApiCall call) throws ApiException {
        String dataset = call.parameter("dataset");
        if (dataset == null) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, call.messages().get("missingDataset"));
        }
        return dataset;
    }

    // --- customers

    /**
     * Up to 50 customers whose id or name contains the text, ignoring case: the id equal to it first, then ids that
     * start with it, then the rest, each by id; with the name from the key-account archive and the tier of the
     * dataset's latest tiered period. Bounded however many customers there are: the archive answers a query limited
     * to 50 rows, and the latest period's ids, which {@link ReportData} keeps in memory, are searched in one text
     * ({@link TierSearch}) built once per period's results.
     */
    private Object customers(ApiCall call) throws ApiException {
        String dataset = dataset(call);
        String text = call.parameter("q") == null ? "" : call.parameter("q").strip();
        if (text.length() > MAX_PARAMETER_LENGTH) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST,
                    call.messages().get("tooLong", "q", MAX_PARAMETER_LENGTH));
        }
        ReportData data = reportData(call);
        TierSearch search = null;
        if (!data.periods(dataset).isEmpty()) {
            try {
                PeriodResults results = data.results(dataset, data.latest(dataset, call.locale()), call.locale());
                search = tierSearches.compute(dataset, (name, kept) -> TierSearch.of(results, kept));
            } catch (ViewException e) {
                throw new ApiException(422, e.getMessage());
            }
        }
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        CustomerArchive customers = archive;
        if (customers != null) {
            for (Customer customer : customers.find(dataset, text, CUSTOMER_MATCHES)) {
                found.put(customer.id(), customer(customer.id(), customer.name(),
                        search == null ? null : search.tier(customer.id())));
            }
        }
        if (search != null) {
            for (StoredTier tier : search.find(text, CUSTOMER_MATCHES)) {
                found.computeIfAbsent(tier.customerId(), id -> customer(id, null, tier));
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Comparator<Map<String, Object>> order = Comparator.comparingInt(match -> {
            String id = ((String) match.get("id")).toLowerCase(Locale.ROOT);
            return id.equals(lower) ? 0 : id.startsWith(lower) ? 1 : 2;
        });
        return found.values().stream().sorted(order.thenComparing(match -> (String) match.get("id")))
                .limit(CUSTOMER_MATCHES).toList();
    }

    private static Map<String, Object> customer(String id, String name, StoredTier tier) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("tier", tier == null ? null : tier.tier().id());
        return body;
    }

    // --- users (admins only)

    private Object createUser(ApiCall call) throws ApiException {
        JsonObject body = call.body();
        String name = call.required(body, "name").strip();
        Role role = role(call, ApiCall.text(body, "role") == null ? "analyst" : ApiCall.text(body, "role"));
        char[] password = call.required(body, "password").toCharArray();
        try {
            return user(users(call).create(name, role, password));
        } catch (UserException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    private Object changeUser(ApiCall call) throws ApiException {
        UserDirectory directory = users(call);
        String name = existingUser(call, directory);
        JsonObject body = call.body();
        String roleText = ApiCall.text(body, "role");
        String password = ApiCall.text(body, "password");
        if (roleText == null && password == null) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, call.messages().get("missingField", "role|password"));
        }
        try {
            if (password != null) {
                char[] secret = password.toCharArray();
                try {
                    directory.changePassword(name, secret);
                } finally {
                    java.util.Arrays.fill(secret, '\0');
                }
            }
            if (roleText != null) {
                Role role = role(call, roleText);
                directory.changeRole(name, role);
                sessions.roleChanged(name, role);
            }
        } catch (UserException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
        return user(directory.user(name).orElseThrow());
    }

    private Object deleteUser(ApiCall call) throws ApiException {
        UserDirectory directory = users(call);
        String name = existingUser(call, directory);
        if (name.equals(call.session().name())) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, call.messages().get("deleteSelf"));
        }
        try {
            directory.delete(name);
        } catch (UserException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        }
        sessions.endAll(name);
        return Map.of("name", name);
    }

    private static String existingUser(ApiCall call, UserDirectory directory) throws ApiException {
        String name = call.variable("name");
        return directory.user(name).map(User::name).orElseThrow(() -> new ApiException(
                HttpServletResponse.SC_NOT_FOUND, call.messages().get("noUser", name)));
    }

    private static Role role(ApiCall call, String id) throws ApiException {
        try {
            return Role.forId(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpServletResponse.SC_BAD_REQUEST, call.messages().get("badRole", id));
        }
    }

    private static Map<String, Object> user(User user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", user.name());
        body.put("role", user.role().id());
        body.put("created", user.created());
        body.put("lastLogin", user.lastLogin());
        return body;
    }

    // --- plugins (admins only)

    private Object plugins(ApiCall call) throws ApiException {
        PluginManager manager = pluginManager(call);
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("installed", manager.installed());
        } catch (PluginException e) {
            throw new ApiException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, call.messages().get("pluginsFailed",
                    e.getMessage()));
        }
        body.put("failures", manager.failures());
        return body;
    }

    private Object install(ApiCall call) throws ApiException {
        JsonObject body = call.body();
        String feature = call.required(body, "feature").strip();
        String site = call.required(body, "site").strip();
        try {
            return Map.of("message", pluginManager(call).install(feature, siteUri(site)));
        } catch (PluginException | IllegalArgumentException e) {
            throw new ApiException(422, e.getMessage());
        }
    }

    private Object uninstall(ApiCall call) throws ApiException {
        try {
            return Map.of("message", pluginManager(call).uninstall(call.variable("feature")));
        } catch (PluginException e) {
            throw new ApiException(422, e.getMessage());
        }
    }

    /** An update site as the command line takes it: a folder, a zip file or a URI. */
    private static URI siteUri(String site) {
        if (site.matches("[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
            return URI.create(site);
        }
        Path path = Path.of(site).toAbsolutePath().normalize();
        return site.endsWith(".zip") ? URI.create("jar:" + path.toUri() + "!/") : path.toUri();
    }

    // --- the API's own description

    private Object openApi(ApiCall call) throws IOException {
        HttpServletResponse response = call.response();
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (InputStream in = ApiServlet.class.getResourceAsStream("openapi.json");
                OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
        return ApiRouter.WRITTEN;
    }

    // --- services

    private ReportData reportData(ApiCall call) throws ApiException {
        return available(reportData, call, "unavailable.reportData");
    }

    private UserDirectory users(ApiCall call) throws ApiException {
        return available(users, call, "unavailable.users");
    }

    private ViewExporter exporter(ApiCall call) throws ApiException {
        return available(exporter, call, "unavailable.exporter");
    }

    private PluginManager pluginManager(ApiCall call) throws ApiException {
        return available(plugins, call, "unavailable.plugins");
    }

    private static <S> S available(S service, ApiCall call, String key) throws ApiException {
        if (service == null) {
            throw new ApiException(HttpServletResponse.SC_SERVICE_UNAVAILABLE, call.messages().get(key));
        }
        return service;
    }

    private static void sendFile(HttpServletResponse response, String type, String fileName, ByteArrayOutputStream bytes)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(type);
        if (type.startsWith("text/")) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setContentLength(bytes.size());
        try (OutputStream out = response.getOutputStream()) {
            bytes.writeTo(out);
        }
    }

    /** A file name of safe characters only, so that the header needs no quoting rules. */
    private static String fileName(String view, String dataset, String extension) {
        return (view + "-" + dataset).replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }

    private static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getName();
        }
        int newline = message.indexOf('\n');
        return (newline >= 0 ? message.substring(0, newline) : message).strip();
    }
}
