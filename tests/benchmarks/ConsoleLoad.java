import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load test of the web console's JSON API: {@code CLIENTS} clients, each with its own login session,
 * call the console's main API routes one after another for {@code SECONDS} (after a warm-up of each route once),
 * and the response times are printed per route: count, median, 90th and 99th percentile, maximum, errors.
 *
 * <p>Usage: {@code java ConsoleLoad.java BASE_URL USER PASSWORD DATASET [CLIENTS [SECONDS]]}, for example
 * {@code java ConsoleLoad.java http://127.0.0.1:8080 admin secret-password big 50 60}. The customers asked for in
 * account profiles are drawn from the customer search, so they exist. Exits 1 when any request failed.
 */
public final class ConsoleLoad {

    private static final Pattern CUSTOMER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private record Route(String name, String path) {
    }

    private static final class Timings {
        final List<long[]> perClient = new ArrayList<>();
        final AtomicLong errors = new AtomicLong();

        synchronized long[] newBuffer() {
            long[] buffer = new long[1 << 16];
            perClient.add(buffer);
            return buffer;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: java ConsoleLoad.java BASE_URL USER PASSWORD DATASET [CLIENTS [SECONDS]]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        String user = args[1];
        String password = args[2];
        String dataset = args[3];
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 60;
        String ds = URLEncoder.encode(dataset, StandardCharsets.UTF_8);

        HttpClient probe = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        login(probe, base, user, password);
        // the search answers at most 50 customers a query: ask with several texts for a few hundred to draw from
        java.util.Set<String> drawn = new java.util.LinkedHashSet<>();
        for (String text : List.of("", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "00", "12", "345", "678")) {
            String found = get(probe, base + "/api/customers?dataset=" + ds + "&q=" + text).body();
            Matcher matcher = CUSTOMER_ID.matcher(found);
            while (matcher.find()) {
                drawn.add(matcher.group(1));
            }
        }
        List<String> customers = new ArrayList<>(drawn);
        if (customers.isEmpty()) {
            System.err.println("the customer search found no customers in dataset " + dataset);
            System.exit(1);
        }

        List<Route> routes = List.of(
                new Route("GET /api/views", "/api/views"),
                new Route("GET /api/views/pyramid", "/api/views/pyramid?dataset=" + ds),
                new Route("GET /api/views/pareto", "/api/views/pareto?dataset=" + ds),
                new Route("GET /api/views/whale", "/api/views/whale?dataset=" + ds),
                new Route("GET /api/views/migration", "/api/views/migration?dataset=" + ds),
                new Route("GET /api/views/eroders", "/api/views/eroders?dataset=" + ds),
                new Route("GET /api/views/account", "/api/views/account?dataset=" + ds + "&customer="),
                new Route("GET /api/customers?q=", "/api/customers?dataset=" + ds + "&q="));

        // warm-up: each route once, so that the first analysis of the period is not counted as a response time
        long warmStart = System.nanoTime();
        for (Route route : routes) {
            String path = route.path().endsWith("customer=") ? route.path() + enc(customers.get(0))
                    : route.path().endsWith("q=") ? route.path() + enc(customers.get(0).substring(0, 1)) : route.path();
            HttpResponse<String> response = get(probe, base + path);
            if (response.statusCode() != 200) {
                System.err.println(route.name() + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
                System.exit(1);
            }
        }
        System.out.printf(Locale.ROOT, "warm-up (each route once, first analyses included): %.1f s%n",
                (System.nanoTime() - warmStart) / 1e9);

        Map<String, Timings> timings = new ConcurrentHashMap<>();
        routes.forEach(route -> timings.put(route.name(), new Timings()));
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long[] deadline = new long[1];
        List<Thread> threads = new ArrayList<>();
        AtomicLong requests = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    login(http, base, user, password);
                    SplittableRandom random = new SplittableRandom(client);
                    Map<String, long[]> buffers = new LinkedHashMap<>();
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (Route route : routes) {
                        buffers.put(route.name(), timings.get(route.name()).newBuffer());
                        counts.put(route.name(), 0);
                    }
                    ready.countDown();
                    ready.await();
                    int next = random.nextInt(routes.size());
                    while (System.nanoTime() < deadline[0]) {
                        Route route = routes.get(next++ % routes.size());
                        String path = route.path();
                        if (path.endsWith("customer=")) {
                            path += enc(customers.get(random.nextInt(customers.size())));
                        } else if (path.endsWith("q=")) {
                            String id = customers.get(random.nextInt(customers.size()));
                            path += enc(id.substring(0, Math.min(3, id.length())));
                        }
                        long start = System.nanoTime();
                        HttpResponse<String> response = get(http, base + path);
                        long took = System.nanoTime() - start;
                        Timings routeTimings = timings.get(route.name());
                        if (response.statusCode() != 200) {
                            routeTimings.errors.incrementAndGet();
                            continue;
                        }
                        int count = counts.get(route.name());
                        long[] buffer = buffers.get(route.name());
                        if (count == buffer.length) {
                            buffer = Arrays.copyOf(buffer, count * 2);
                            buffers.put(route.name(), buffer);
                            synchronized (routeTimings) {
                                routeTimings.perClient.add(buffer);
                            }
                        }
                        buffer[count] = took;
                        counts.put(route.name(), count + 1);
                        requests.incrementAndGet();
                    }
                    // the unused tails are zeros; mark them so they are not counted
                    for (Route route : routes) {
                        long[] buffer = buffers.get(route.name());
                        Arrays.fill(buffer, counts.get(route.name()), buffer.length, -1);
                    }
                } catch (Exception e) {
                    System.err.println("client " + client + ": " + e);
                    timings.get(routes.get(0).name()).errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }));
        }
        deadline[0] = System.nanoTime() + seconds * 1_000_000_000L + 30_000_000_000L; // until all are logged in
        ready.await();
        long start = System.nanoTime();
        deadline[0] = start + seconds * 1_000_000_000L;
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;

        System.out.printf(Locale.ROOT, "%d clients for %.1f s: %,d requests, %.0f requests/s; load average %s%n", clients,
                elapsed, requests.get(), requests.get() / elapsed,
                new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
        System.out.printf(Locale.ROOT, "%-32s %9s %9s %9s %9s %9s %7s%n", "route", "requests", "median", "p90", "p99",
                "max", "errors");
        long errors = 0;
        for (Route route : routes) {
            Timings routeTimings = timings.get(route.name());
            long[] all = routeTimings.perClient.stream().flatMapToLong(Arrays::stream).filter(t -> t > 0).sorted()
                    .toArray();
            errors += routeTimings.errors.get();
            if (all.length == 0) {
                System.out.printf(Locale.ROOT, "%-32s %9d %9s %9s %9s %9s %7d%n", route.name(), 0, "-", "-", "-", "-",
                        routeTimings.errors.get());
                continue;
            }
            System.out.printf(Locale.ROOT, "%-32s %,9d %7.1fms %7.1fms %7.1fms %7.1fms %7d%n", route.name(), all.length,
                    percentile(all, 0.50), percentile(all, 0.90), percentile(all, 0.99), all[all.length - 1] / 1e6,
                    routeTimings.errors.get());
        }
        System.exit(errors == 0 ? 0 : 1);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static void login(HttpClient http, String base, String user, String password) throws Exception {
        String body = "{\"name\":\"" + json(user) + "\",\"password\":\"" + json(password) + "\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login as " + user + " failed: " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
