package id.serambi.campaign.links;

import id.serambi.campaign.links.LinkRepository.Link;
import id.serambi.common.SerambiConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code GET|HEAD /l/{code}}: a tracked link. A 302 to its target's page on the public URL with {@code ?ref={code}}
 * (which the page hands to a registration or a joining), {@code Cache-Control: no-store} (every click reaches us), and
 * the click counted ({@link ClickCounter}). An unknown or malformed code goes to the home page, uncounted; so does any
 * failure (a database away on a code not yet known): never an error page.
 *
 * <p>The hot path touches no database: a Vert.x route (no REST layer), the code's target from memory. A code not in
 * memory is read once (concurrent clicks on it share the read) and remembered, found or not, for
 * {@code serambi.links.remember} (5 s); a known link past that is still served while it is read again in the
 * background, so a link deleted meanwhile redirects at most that much longer. Links never change otherwise.
 */
@ApplicationScoped
public class LinkRedirect {

    private static final Logger LOG = Logger.getLogger(LinkRedirect.class);

    static final String PREFIX = "/l/";

    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence LOCATION = HttpHeaders.createOptimized("Location");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");

    /** What an instance knows of a code: its link and where it leads, or nothing (unknown), until {@code expires}. */
    private record Known(Link link, CharSequence location, long expires) {
    }

    private final LinkRepository links;
    private final ClickCounter counter;
    private final String publicUrl;
    private final CharSequence home;
    private final long rememberNanos;
    private final int maxCodes;
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Known>> reading = new ConcurrentHashMap<>();

    public LinkRedirect(LinkRepository links, ClickCounter counter, SerambiConfig config, LinkSettings settings) {
        this.links = links;
        this.counter = counter;
        String url = config.publicUrl();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.home = HttpHeaders.createOptimized(publicUrl + "/");
        this.rememberNanos = settings.remember().toNanos();
        this.maxCodes = settings.maxCodes();
    }

    void install(@Observes Router router) {
        // After SecurityHeaders and FallbackRoutes' early handlers (MIN_VALUE, MIN_VALUE + 1), before anything else.
        router.routeWithRegex("/l/[^/]*").order(Integer.MIN_VALUE + 3).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(this::redirect);
    }

    private void redirect(RoutingContext ctx) {
        try {
            String path = ctx.normalizedPath();
            String code = path.substring(PREFIX.length());
            if (!LinkCodes.wellFormed(code)) {
                send(ctx, home);
                return;
            }
            Known k = known.get(code);
            if (k != null && k.link != null) {
                if (System.nanoTime() - k.expires > 0) {
                    read(code); // served from memory meanwhile
                }
                click(ctx, k);
                return;
            }
            if (k != null && System.nanoTime() - k.expires < 0) {
                send(ctx, home); // remembered as unknown
                return;
            }
            read(code).whenComplete((found, error) -> {
                if (error != null || found.link == null) {
                    send(ctx, home);
                } else {
                    click(ctx, found);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Tracked link %s failed: %s", ctx.normalizedPath(), e.toString());
            send(ctx, home);
        }
    }

    private void click(RoutingContext ctx, Known k) {
        try {
            counter.count(k.link.id(), Visitors.classify(ctx.request().method() == HttpMethod.HEAD,
                    ctx.request().getHeader(HttpHeaders.USER_AGENT)));
        } finally {
            send(ctx, k.location);
        }
    }

    /** What the database says of the code, read once however many clicks wait for it, then remembered. */
    private CompletableFuture<Known> read(String code) {
        CompletableFuture<Known> started = new CompletableFuture<>();
        CompletableFuture<Known> running = reading.putIfAbsent(code, started);
        if (running != null) {
            return running;
        }
        io.smallrye.mutiny.Uni<Link> query;
        try {
            query = links.byCode(code);
        } catch (RuntimeException e) {
            query = io.smallrye.mutiny.Uni.createFrom().failure(e);
        }
        query.subscribe().with(link -> {
            Known k = new Known(link, link == null ? null : location(link), System.nanoTime() + rememberNanos);
            if (known.size() >= maxCodes) {
                known.clear();
            }
            known.put(code, k);
            reading.remove(code, started);
            started.complete(k);
        }, error -> {
            LOG.warnf("Could not read tracked link %s: %s", code, error.toString());
            reading.remove(code, started);
            started.completeExceptionally(error);
        });
        return started;
    }

    private CharSequence location(Link link) {
        return HttpHeaders.createOptimized(publicUrl + link.kind().page(link.targetId()) + "?ref=" + link.code());
    }

    private static void send(RoutingContext ctx, CharSequence location) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(302).putHeader(LOCATION, location).putHeader(CACHE_CONTROL, NO_STORE).end();
    }

    /** Forgets every code (tests). */
    void forget() {
        known.clear();
    }
}
